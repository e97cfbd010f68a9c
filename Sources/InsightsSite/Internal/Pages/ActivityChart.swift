/// A small inline SVG bar chart of sessions per month (or per week for short journals); no library, no network.
///
/// `ActivityChart.svg(dates: ["2026-09-01", "2026-09-03", "2026-10-01"])` → an `<svg>` with one bar per week.
enum ActivityChart {
    static func svg(dates: [String]) -> String {
        let valid = dates.filter { DateParts($0) != nil }.sorted()
        guard let first = valid.first.flatMap(DateParts.init), let last = valid.last.flatMap(DateParts.init) else {
            return "<p class=\"empty\">No dated sessions yet.</p>"
        }
        let byWeek = first.monthIndex == last.monthIndex || last.dayNumber - first.dayNumber <= 26 * 7
        let bucket: (DateParts) -> Int = byWeek ? { ($0.dayNumber - first.dayNumber) / 7 } : { $0.monthIndex - first.monthIndex }
        let count = bucket(last) + 1
        var counts = [Int](repeating: 0, count: count)
        for d in valid.compactMap(DateParts.init) { counts[bucket(d)] += 1 }
        let maxCount = max(1, counts.max() ?? 1)
        let barWidth = 600.0 / Double(count)
        let height = 120.0
        var out = "<svg class=\"chart\" viewBox=\"0 0 600 140\" role=\"img\" aria-label=\"Sessions per \(byWeek ? "week" : "month"): \(valid.count) sessions from \(first.text) to \(last.text)\">"
        for (i, c) in counts.enumerated() where c > 0 {
            let h = max(2, height * Double(c) / Double(maxCount))
            let label = byWeek ? "week of " + first.adding(days: i * 7) : first.addingMonths(i)
            out += "<rect x=\"\(fmt(Double(i) * barWidth + 1))\" y=\"\(fmt(height - h))\" width=\"\(fmt(max(1, barWidth - 2)))\" height=\"\(fmt(h))\"><title>\(label): \(c)</title></rect>"
        }
        out += "<text x=\"0\" y=\"136\">\(first.text)</text><text x=\"600\" y=\"136\" text-anchor=\"end\">\(last.text)</text></svg>"
        return out
    }

    private static func fmt(_ x: Double) -> String {
        let r = (x * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }

    /// A `YYYY-MM-DD` date split into numbers (only digits reach the SVG).
    struct DateParts {
        var year: Int, month: Int, day: Int
        init?(_ s: String) {
            let p = s.split(separator: "-")
            guard p.count == 3, let y = Int(p[0]), let m = Int(p[1]), let d = Int(p[2]),
                  (1...12).contains(m), (1...31).contains(d), (1000...9999).contains(y) else { return nil }
            year = y; month = m; day = d
        }
        init(year: Int, month: Int, day: Int) { self.year = year; self.month = month; self.day = day }
        var monthIndex: Int { year * 12 + month - 1 }
        var text: String { String(format: "%04d-%02d-%02d", year, month, day) }
        /// Days since 0000-03-01 (civil calendar), for week buckets.
        var dayNumber: Int {
            let y = month <= 2 ? year - 1 : year
            let era = y / 400, yoe = y - era * 400
            let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
            return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy
        }
        func adding(days: Int) -> String {
            var z = dayNumber + days
            let era = z / 146097; z -= era * 146097
            let yoe = (z - z / 1460 + z / 36524 - z / 146096) / 365
            let doy = z - (365 * yoe + yoe / 4 - yoe / 100)
            let mp = (5 * doy + 2) / 153
            let d = doy - (153 * mp + 2) / 5 + 1
            let m = mp < 10 ? mp + 3 : mp - 9
            return DateParts(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d).text
        }
        func addingMonths(_ n: Int) -> String {
            let idx = monthIndex + n
            return String(format: "%04d-%02d", idx / 12, idx % 12 + 1)
        }
    }
}

import Foundation
