import Foundation

/// A `--since` value: a day (`2026-01-01`) or an age counted back from today (`30d`, `6w`, `3m`, `1y`).
///
/// `SinceDate.resolve("30d", today: "2026-11-25")` → `"2026-10-26"`; `resolve("2026-01-01", ...)` →
/// `"2026-01-01"`; `resolve("soon", ...)` → nil.
public enum SinceDate {
    /// The first day included, as `YYYY-MM-DD`, or nil when `text` is neither a day nor an age.
    public static func resolve(_ text: String, today: String) -> String? {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        if isDay(t) { return t }
        guard let unit = t.last, let n = Int(t.dropLast()), n >= 0, n <= 100_000, let start = day(today) else { return nil }
        var components = DateComponents()
        switch unit {
        case "d": components.day = -n
        case "w": components.day = -7 * n
        case "m": components.month = -n
        case "y": components.year = -n
        default: return nil
        }
        return calendar.date(byAdding: components, to: start).map(string)
    }

    /// `YYYY-MM-DD` naming a real day.
    public static func isDay(_ text: String) -> Bool {
        day(text).map(string) == text
    }

    private static func day(_ text: String) -> Date? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        return calendar.date(from: DateComponents(year: y, month: m, day: d))
    }

    private static func string(_ date: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        func pad(_ n: Int?, _ width: Int) -> String {
            let s = String(n ?? 0)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))"
    }

    private static let calendar: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC") ?? .current
        return c
    }()
}
