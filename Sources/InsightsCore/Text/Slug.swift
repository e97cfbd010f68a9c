import Foundation

/// File-name-safe slugs.
///
/// `Slug.make("Fix: Migration Tracking (P0)!")` → `"fix-migration-tracking-p0"`.
public enum Slug {
    /// Lowercase ASCII letters, digits and single hyphens, at most `maxLength` characters; never empty.
    public static func make(_ text: String, maxLength: Int = 60) -> String {
        shortened(text.isAllASCII ? asciiSlug(text) : unicodeSlug(text), maxLength: maxLength)
    }

    /// ASCII text by bytes: its letters (lowercased) and digits, runs of anything else one hyphen; exactly what
    /// `unicodeSlug` gives it (heading anchors made this a fortieth of a site build).
    static func asciiSlug(_ text: String) -> String {
        ASCII.alphanumericRuns(text, separator: 0x2D) ?? unicodeSlug(text)
    }

    /// Lowercased, accents dropped after decomposition, then the ASCII letters and digits kept.
    static func unicodeSlug(_ text: String) -> String {
        var out = ""
        var pendingHyphen = false
        for scalar in text.lowercased().decomposedASCIIFolded().unicodeScalars {
            if scalar.isASCII && (scalar.properties.isAlphabetic || scalar.properties.numericType != nil) {
                if pendingHyphen && !out.isEmpty { out.append("-") }
                pendingHyphen = false
                out.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        return out
    }

    private static func shortened(_ slug: String, maxLength: Int) -> String {
        var out = slug
        if out.count > maxLength {
            out = String(out.prefix(maxLength))
            if let cut = out.lastIndex(of: "-"), out.distance(from: out.startIndex, to: cut) > maxLength / 2 {
                out = String(out[..<cut])
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "note" : out
    }
}

extension String {
    /// Drops combining marks after canonical decomposition: `"café"` → `"cafe"`.
    func decomposedASCIIFolded() -> String {
        var out = ""
        for scalar in decomposedStringWithCanonicalMappingCompat.unicodeScalars
        where scalar.properties.generalCategory != .nonspacingMark {
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    private var decomposedStringWithCanonicalMappingCompat: String {
        // Foundation-free NFD: Swift's String compares canonically, and unicodeScalars of a
        // precomposed character stay precomposed, so decompose the common Latin-1 letters by hand.
        var out = ""
        for scalar in unicodeScalars {
            if let folded = Self.latinFold[scalar] { out += folded } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    private static let latinFold: [Unicode.Scalar: String] = {
        let pairs: [(String, String)] = [
            ("àáâãäå", "a"), ("ç", "c"), ("èéêë", "e"), ("ìíîï", "i"), ("ñ", "n"), ("òóôõöø", "o"),
            ("ùúûü", "u"), ("ýÿ", "y"), ("ß", "ss"), ("æ", "ae"), ("œ", "oe"),
        ]
        var map: [Unicode.Scalar: String] = [:]
        for (chars, ascii) in pairs { for s in chars.unicodeScalars { map[s] = ascii } }
        return map
    }()
}
