import Foundation
import GRDB
import GRDBSQLite

/// Values bound straight through SQLite's API into one prepared statement, in column order, then stepped: for
/// the inserts an ingest runs by the hundred thousand (GRDB's argument conversion was most of their time).
/// Each value is copied by SQLite, so nothing outlives `step()`, which clears the bindings.
///
/// `var insert = RawInsert(statement, sql: sql, db: db); insert.bind("id"); insert.bind(3); try insert.step()`.
struct RawInsert {
    /// Held so that it is not finalized while bound to.
    private let statement: Statement
    private let raw: OpaquePointer
    private let sql: String
    private let db: Database
    private var n: Int32 = 0

    init(_ statement: Statement, sql: String, db: Database) {
        self.statement = statement
        raw = statement.sqliteStatement
        self.sql = sql
        self.db = db
    }

    /// SQLite copies a value bound with this destructor.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    mutating func bind(_ value: String?) {
        n += 1
        guard var text = value else { sqlite3_bind_null(raw, n); return }
        let n = n
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { _ = sqlite3_bind_text(raw, n, "", 0, Self.transient); return }
            _ = sqlite3_bind_text(raw, n, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), Int32(bytes.count), Self.transient)
        }
    }

    mutating func bind(_ number: Int?) {
        n += 1
        guard let number else { sqlite3_bind_null(raw, n); return }
        sqlite3_bind_int64(raw, n, Int64(number))
    }

    mutating func bind(_ data: Data?) {
        n += 1
        guard let data else { sqlite3_bind_null(raw, n); return }
        let n = n
        // As GRDB binds it: empty data has no address, which SQLite stores as NULL.
        data.withUnsafeBytes { bytes in _ = sqlite3_bind_blob(raw, n, bytes.baseAddress, Int32(bytes.count), Self.transient) }
    }

    /// Runs the statement with the values bound so far, then clears them for the next row(s).
    mutating func step() throws {
        let code = sqlite3_step(raw)
        sqlite3_reset(raw)
        sqlite3_clear_bindings(raw)
        n = 0
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: sql)
        }
    }
}
