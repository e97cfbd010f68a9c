import Foundation

/// Equal strings decoded from many stored rows, kept once. Stored rows repeat themselves: a task's mentions
/// and a cluster's occurrences name the same sessions and dates, every finding of a section carries the
/// section's heading, a cluster's occurrence its title twice. Each decoded copy was a heap allocation of its
/// own: at 50,000 generated notes, 210 MB of the strings a site build decodes, 21 MB of them distinct.
///
/// Rows are decoded on every core, so the strings sit in a few tables, each used by one thread at a time
/// (`withTable`) and kept for the next run of rows: an equal string is kept once per table, not once per row.
public final class SharedStrings: @unchecked Sendable {
    /// One thread's table of the strings it decoded.
    public final class Table {
        private var strings: Set<String> = []
        private var lists: Set<[String]> = []

        public init() {}

        /// `s`, or the equal string this table already holds. Strings of up to 15 bytes are stored inline
        /// in the `String` itself, so only longer ones are looked up.
        public func shared(_ s: String) -> String {
            guard s.utf8.count > 15 else { return s }
            let (inserted, member) = strings.insert(s)
            return inserted ? s : member
        }

        /// `list`, or the equal list this table already holds (a task title's stemmed words, say): an array
        /// is a heap allocation of its own, even when its strings are inline.
        public func shared(_ list: [String]) -> [String] {
            guard !list.isEmpty else { return list }
            let (inserted, member) = lists.insert(list)
            return inserted ? list : member
        }
    }

    private var idle: [Table] = []
    private let lock = NSLock()

    public init() {}

    /// `body` with a table no other thread uses meanwhile.
    public func withTable<R>(_ body: (Table) throws -> R) rethrows -> R {
        lock.lock()
        let table = idle.popLast() ?? Table()
        lock.unlock()
        defer { lock.lock(); idle.append(table); lock.unlock() }
        return try body(table)
    }
}
