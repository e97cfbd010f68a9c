import InsightsStore

/// Stored sessions' identities, looked up by id, journal file, content hash and title + date.
struct SessionKeys {
    var byID: [String: SessionKey] = [:]
    var byFile: [String: SessionKey] = [:]
    var byHash: [String: SessionKey] = [:]
    var byTitleDate: [String: SessionKey] = [:]

    init(_ keys: [SessionKey]) { for k in keys { insert(k) } }

    mutating func insert(_ key: SessionKey) {
        if let old = byID[key.id] {
            byFile[old.file] = nil; byHash[old.hash] = nil; byTitleDate[old.title + "\u{0}" + old.date] = nil
        }
        byID[key.id] = key
        byFile[key.file] = key
        byHash[key.hash] = key
        byTitleDate[key.title + "\u{0}" + key.date] = key
    }
}
