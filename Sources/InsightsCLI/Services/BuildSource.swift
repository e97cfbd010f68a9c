import Foundation
import InsightsCore
import InsightsStore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A digest of what `insights build` reads, made without reading it: the index's generation (replaced by every
/// write) and each note file's size and modification time (session pages render the note's own text). Equal
/// digests mean the site would come out the same, so a no-change rebuild stops after comparing it.
///
/// `BuildSource.digest(index: index, keys: try index.sessionKeys(), journal: journal)` → `"9f2c…"`, or nil for
/// an index written before generations existed (then the build runs in full).
enum BuildSource {
    static func digest(index: Index, keys: [SessionKey], journal: Journal) throws -> String? {
        guard let generation = try index.generation() else { return nil }
        var text = generation + "\n"
        for file in Set(keys.map(\.file)).sorted() {
            text += file + "\t" + stamp(journal.path + "/" + file) + "\n"
        }
        return SHA256.hex(Array(text.utf8))
    }

    /// `size:seconds.nanoseconds` of a file's last modification, or `missing`.
    static func stamp(_ path: String) -> String {
        var st = stat()
        guard stat(path, &st) == 0 else { return "missing" }
        #if canImport(Darwin)
        let m = st.st_mtimespec
        #else
        let m = st.st_mtim
        #endif
        return "\(st.st_size):\(m.tv_sec).\(m.tv_nsec)"
    }
}
