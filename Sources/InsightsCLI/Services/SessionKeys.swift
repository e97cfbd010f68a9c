import InsightsStore

/// Stored sessions' identities, looked up by id, journal file, content hash and title + date.
///
/// Each key is held once; the lookups map to its slot. (Four dictionaries of whole keys, one keyed by a joined
/// title and date, were 120 MB at 50,000 sessions; this is 40.)
struct SessionKeys {
    private var slots: [SessionKey?] = []
    private var byID: [String: Int32] = [:]
    private var byFile: [String: Int32] = [:]
    private var byHash: [String: Int32] = [:]
    private var byTitleDate: [TitleDate: Int32] = [:]

    /// A title and date as one lookup key, sharing the key's own strings.
    private struct TitleDate: Hashable {
        var title: String
        var date: String
    }

    init(_ keys: [SessionKey]) {
        slots.reserveCapacity(keys.count)
        for k in keys { insert(k) }
    }

    /// How many sessions are held.
    var count: Int { byID.count }

    /// Every held key, in no particular order.
    var all: some Sequence<SessionKey> { slots.lazy.compactMap { $0 } }

    func withID(_ id: String) -> SessionKey? { byID[id].flatMap { slots[Int($0)] } }
    func withFile(_ file: String) -> SessionKey? { byFile[file].flatMap { slots[Int($0)] } }
    func withHash(_ hash: String) -> SessionKey? { byHash[hash].flatMap { slots[Int($0)] } }
    func withTitle(_ title: String, date: String) -> SessionKey? {
        byTitleDate[TitleDate(title: title, date: date)].flatMap { slots[Int($0)] }
    }

    /// Holds `key`, replacing the key of the same id; the file, hash and title + date lookups point to it.
    mutating func insert(_ key: SessionKey) {
        let slot: Int32
        if let old = byID[key.id] {
            slot = old
            unlink(slot)
            slots[Int(slot)] = key
        } else {
            slot = Int32(slots.count)
            slots.append(key)
            byID[key.id] = slot
        }
        byFile[key.file] = slot
        byHash[key.hash] = slot
        byTitleDate[TitleDate(title: key.title, date: key.date)] = slot
    }

    /// Forgets a session (removed from the index in this batch).
    mutating func remove(_ id: String) {
        guard let slot = byID.removeValue(forKey: id) else { return }
        unlink(slot)
        slots[Int(slot)] = nil
    }

    /// Drops the file, hash and title + date lookups that point to `slot`.
    private mutating func unlink(_ slot: Int32) {
        guard let old = slots[Int(slot)] else { return }
        if byFile[old.file] == slot { byFile[old.file] = nil }
        if byHash[old.hash] == slot { byHash[old.hash] = nil }
        let titleDate = TitleDate(title: old.title, date: old.date)
        if byTitleDate[titleDate] == slot { byTitleDate[titleDate] = nil }
    }
}
