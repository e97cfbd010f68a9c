import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the files named on the command line, turning every problem into a rejection for that file alone.
enum InputReader {
    /// Every note read now (tests and small batches).
    static func read(_ paths: [String], isLossy: Bool) -> [Result<NoteInput, NoteInput.Rejection>] {
        paths.map { readOne($0, isLossy: isLossy) }
    }

    /// The notes read one at a time as an ingest reaches them (see `NoteInputs`).
    static func lazily(_ paths: [String], isLossy: Bool) -> NoteInputs {
        NoteInputs(sources: paths.map { $0 == "-" ? .ready(readOne($0, isLossy: isLossy)) : .file($0) }, isLossy: isLossy)
    }

    static func readOne(_ path: String, isLossy: Bool) -> Result<NoteInput, NoteInput.Rejection> {
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            // One stat(2) for both checks (Foundation's fileExists + attributesOfItem cost three).
            var st = stat()
            guard stat(path, &st) == 0, (st.st_mode & S_IFMT) != S_IFDIR else {
                return .failure(NoteInput.Rejection(path: path, reason: "no such file"))
            }
            if Int(st.st_size) > NoteInput.maxBytes {
                return .failure(NoteInput.Rejection(path: path, reason: "too large (\(Int(st.st_size) / 1024 / 1024) MiB; notes are limited to \(NoteInput.maxBytes / 1024 / 1024) MiB)"))
            }
            guard let d = FileManager.default.contents(atPath: path) else {
                return .failure(NoteInput.Rejection(path: path, reason: "cannot read (permission denied or not a regular file)"))
            }
            data = d
        }
        return NoteInput.make(path: path, data: data, isLossy: isLossy)
    }
}

/// The notes of one command, each read from disk when the ingester reaches it: reading them all first held
/// every note (and its text) in memory at once, 620 MB to re-ingest 50,000 unchanged notes. Standard input
/// is read once, up front; results added with `+=` (missing paths) are kept as they are.
struct NoteInputs: RandomAccessCollection {
    enum Source { case file(String), ready(Result<NoteInput, NoteInput.Rejection>) }
    var sources: [Source]
    let isLossy: Bool

    var startIndex: Int { 0 }
    var endIndex: Int { sources.count }
    subscript(i: Int) -> Result<NoteInput, NoteInput.Rejection> {
        switch sources[i] {
        case .file(let path): InputReader.readOne(path, isLossy: isLossy)
        case .ready(let result): result
        }
    }

    static func += (inputs: inout NoteInputs, more: [Result<NoteInput, NoteInput.Rejection>]) {
        inputs.sources += more.map(Source.ready)
    }
}
