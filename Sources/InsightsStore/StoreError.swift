import Foundation
import GRDB

/// What can go wrong reading or writing the journal and its index, with the path and a fix.
public enum StoreError: Error, CustomStringConvertible, Sendable {
    case corruptIndex(path: String, reason: String)
    case newerIndex(path: String)
    case io(path: String, reason: String)
    case notFound(what: String, id: String)
    case invalidConfig(path: String, reason: String)

    public var description: String {
        switch self {
        case .corruptIndex(let path, let reason):
            return "\(path): the index is unreadable (\(reason)); run `insights reindex` to rebuild it from the journal"
        case .newerIndex(let path):
            return "\(path): the index was written by a newer insights; upgrade, or run `insights reindex` to rebuild it"
        case .io(let path, let reason):
            return "\(path): \(reason)"
        case .notFound(let what, let id):
            return "no \(what) with id \"\(id)\"; list them with `insights \(what == "session" ? "sessions" : what + "s")`"
        case .invalidConfig(let path, let reason):
            return "\(path): \(reason)"
        }
    }
}

extension StoreError {
    /// A database error that escaped a query, as a `StoreError` a user can act on (nil for other errors).
    public static func from(_ error: Error, path: String) -> StoreError? {
        guard let db = error as? DatabaseError else { return nil }
        if db.resultCode == .SQLITE_BUSY || db.resultCode == .SQLITE_LOCKED {
            return .io(path: path, reason: "the index is busy (another insights process is writing); try again")
        }
        if db.resultCode == .SQLITE_CONSTRAINT {
            // A write broke one of the index's own rules: a bug in insights, not damage to the file.
            return .io(path: path, reason: "insights could not write the index (\(db.message ?? "constraint failed")); "
                       + "nothing was changed; please report this with the notes you ingested")
        }
        return .corruptIndex(path: path, reason: db.message ?? "\(db.resultCode)")
    }
}
