import Foundation

/// One committed version of a file: the commit, the blob holding the file, the committer's date and the bytes.
struct GitVersion: Sendable {
    var commit: String
    var blob: String
    /// Committer date, `YYYY-MM-DD`.
    var date: String
    var data: Data
}

/// Reads every committed version of a file through the `git` command line (a subprocess with an argument
/// array, never a shell string).
///
/// `GitHistory.versions(of: "repo/LAST_SESSION.md")` → one `GitVersion` per commit that changed the file,
/// oldest first, a blob seen before (a revert) only once; deletions skipped.
enum GitHistory {
    static func versions(of path: String) throws -> [GitVersion] {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let folder = url.deletingLastPathComponent().path
        let name = url.lastPathComponent
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CLIError.failure("\(path): no such folder \(folder)")
        }
        let inside = try git(["-C", folder, "rev-parse", "--is-inside-work-tree"])
        guard inside.status == 0, String(decoding: inside.out, as: UTF8.self).hasPrefix("true") else {
            throw CLIError.failure("\(path): not in a git repository (git history needs the file's folder to be inside one)")
        }
        let log = try git(["-C", folder, "log", "--format=@@%H %cs", "--raw", "--no-abbrev", "--no-renames", "--", name])
        guard log.status == 0 else { throw CLIError.failure("\(path): `git log` failed (exit \(log.status))") }
        var found: [(commit: String, date: String, blob: String)] = []
        var commit = "", date = ""
        for line in String(decoding: log.out, as: UTF8.self).split(separator: "\n") {
            if line.hasPrefix("@@") {
                let parts = line.dropFirst(2).split(separator: " ")
                commit = parts.first.map(String.init) ?? ""
                date = parts.count > 1 ? String(parts[1]) : ""
            } else if line.hasPrefix(":") {
                // :100644 100644 <old blob> <new blob> M\t<path>
                let fields = line.split(separator: "\t").first?.split(separator: " ") ?? []
                guard fields.count >= 4, !commit.isEmpty else { continue }
                let blob = String(fields[3])
                if blob.allSatisfy({ $0 == "0" }) { continue }
                found.append((commit, date, blob))
            }
        }
        if found.isEmpty {
            throw CLIError.failure("\(path): no committed versions (is the file committed? `git log -- \(name)` shows nothing)")
        }
        var seen = Set<String>()
        var versions: [GitVersion] = []
        for version in found.reversed() where seen.insert(version.blob).inserted {
            let blob = try git(["-C", folder, "cat-file", "-p", version.blob])
            guard blob.status == 0 else { throw CLIError.failure("\(path): `git cat-file -p \(version.blob)` failed (exit \(blob.status))") }
            versions.append(GitVersion(commit: version.commit, blob: version.blob, date: version.date, data: blob.out))
        }
        return versions
    }

    /// Runs `git` with `arguments`: its exit status and standard output (standard error is discarded: every
    /// failure is reported with a message of our own, which also keeps a full stderr pipe from stalling git).
    static func git(_ arguments: [String]) throws -> (status: Int32, out: Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_PAGER"] = "cat"
        environment["LC_ALL"] = "C"
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            throw CLIError.failure("cannot run git (\(error.localizedDescription)); is git installed?")
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, data)
    }
}
