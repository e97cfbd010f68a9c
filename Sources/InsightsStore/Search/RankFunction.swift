import Foundation
import GRDB
import GRDBSQLite

/// `insights_bm25(item_fts, titleWeight, bodyWeight, lengths, matches)`: FTS5's `bm25()`, the same formula and
/// the same scores, reading each row's length in tokens from `lengths` (a packed array, see `RankLengths`)
/// instead of FTS5's per-row `docsize` lookup. That lookup is a nested statement per match: at 10,000 notes it
/// was 1.2–1.9 ms of the 2.6 ms it took to rank 1,000 matches. A row the array does not cover (or a NULL array,
/// when the index changed since it was written) is measured the way `bm25()` does. `matches`, when not NULL, is
/// the number of rows the query matches, which for a one-phrase query is the phrase's document count: bm25()
/// counts it again for its IDF by walking the whole doclist (2–3 ms for a common word at 50,000 notes).
enum RankFunction {
    static let name = "insights_bm25"

    /// Makes the function available on one connection.
    static func register(_ db: Database) {
        let api = FTS5.api(db)
        _ = api.pointee.xCreateFunction(UnsafeMutablePointer(mutating: api), name, nil, rank, nil)
    }

    /// k1 and b of FTS5's bm25().
    private static let k1 = 1.2, b = 0.75

    private static let rank: fts5_extension_function = { api, fts, context, argumentCount, arguments in
        guard let api, let fts, let context else { return }
        let x = api.pointee
        let matches = argumentCount > 3 && sqlite3_value_type(arguments![3]) != SQLITE_NULL
            ? sqlite3_value_int64(arguments![3]) : nil
        guard let data = queryData(api, fts, matches: matches) else { sqlite3_result_error_code(context, SQLITE_NOMEM); return }
        let phrases = Int(data[0]), averageLength = data[1]
        let idf = data + 2, frequency = data + 2 + phrases
        frequency.update(repeating: 0, count: phrases)
        var instances: Int32 = 0
        guard x.xInstCount(fts, &instances) == SQLITE_OK else { sqlite3_result_error_code(context, SQLITE_ERROR); return }
        for i in 0..<instances {
            var phrase: Int32 = 0, column: Int32 = 0, offset: Int32 = 0
            guard x.xInst(fts, i, &phrase, &column, &offset) == SQLITE_OK else { continue }
            // The two weights are the first arguments after the table, one per column, as for bm25().
            let weight = min(argumentCount, 2) > column ? sqlite3_value_double(arguments![Int(column)]) : 1.0
            frequency[Int(phrase)] += weight
        }
        var length = -1
        if argumentCount > 2, let lengths = arguments?[2],
           sqlite3_value_type(lengths) == SQLITE_BLOB {
            length = RankLengths.length(of: x.xRowid(fts), in: sqlite3_value_blob(lengths), bytes: Int(sqlite3_value_bytes(lengths)))
        }
        if length < 0 {
            var tokens: Int32 = 0
            guard x.xColumnSize(fts, -1, &tokens) == SQLITE_OK else { sqlite3_result_error_code(context, SQLITE_ERROR); return }
            length = Int(tokens)
        }
        var score = 0.0
        for i in 0..<phrases {
            let f = frequency[i]
            score += idf[i] * ((f * (k1 + 1.0)) / (f + k1 * (1 - b + b * Double(length) / averageLength)))
        }
        sqlite3_result_double(context, -1.0 * score)
    }

    /// Per query, computed at the first row as bm25() does: [phrase count, average row length, IDF per phrase,
    /// then room for each phrase's weighted frequency in the current row].
    private static func queryData(_ api: UnsafePointer<Fts5ExtensionApi>, _ fts: OpaquePointer,
                                  matches: Int64?) -> UnsafeMutablePointer<Double>? {
        let x = api.pointee
        if let saved = x.xGetAuxdata(fts, 0) { return saved.assumingMemoryBound(to: Double.self) }
        let phrases = Int(x.xPhraseCount(fts))
        guard let raw = sqlite3_malloc64(UInt64(MemoryLayout<Double>.stride * (2 + 2 * phrases))) else { return nil }
        let data = raw.bindMemory(to: Double.self, capacity: 2 + 2 * phrases)
        var rows: Int64 = 0, tokens: Int64 = 0
        guard x.xRowCount(fts, &rows) == SQLITE_OK, x.xColumnTotalSize(fts, -1, &tokens) == SQLITE_OK, rows > 0 else {
            sqlite3_free(raw); return nil
        }
        data[0] = Double(phrases)
        data[1] = Double(tokens) / Double(rows)
        for i in 0..<phrases {
            var hits: Int64 = 0
            if phrases == 1, let matches {
                hits = matches
            } else {
                guard x.xQueryPhrase(fts, Int32(i), &hits, countRow) == SQLITE_OK else { sqlite3_free(raw); return nil }
            }
            let idf = log((Double(rows) - Double(hits) + 0.5) / (Double(hits) + 0.5))
            data[2 + i] = idf <= 0 ? 1e-6 : idf
        }
        guard x.xSetAuxdata(fts, raw, sqlite3_free) == SQLITE_OK else { return nil }
        return data
    }

    private static let countRow: @convention(c) (UnsafePointer<Fts5ExtensionApi>?, OpaquePointer?, UnsafeMutableRawPointer?) -> Int32 = { _, _, counter in
        counter?.assumingMemoryBound(to: Int64.self).pointee += 1
        return SQLITE_OK
    }
}
