import Foundation
/// TEMPORARY (not committed): phase timings to stderr when INSIGHTS_PHASES is set.
public enum PhaseMarks {
    nonisolated(unsafe) static let on = ProcessInfo.processInfo.environment["INSIGHTS_PHASES"] != nil
    nonisolated(unsafe) static let start = Date()
    public static func mark(_ name: String) {
        guard on else { return }
        var u = rusage(); getrusage(RUSAGE_SELF.rawValue, &u)
        let cpu = Double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + Double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6
        var rss = 0
        if let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) { rss = (Int(statm.split(separator: " ")[1]) ?? 0) * 4096 / 1048576 }
        FileHandle.standardError.write(Data(String(format: "[%7.3f s, cpu %7.3f, maxrss %4d MB, rss %4d MB] %@\n", Date().timeIntervalSince(start), cpu, u.ru_maxrss / 1024, rss, name).utf8))
    }
}
