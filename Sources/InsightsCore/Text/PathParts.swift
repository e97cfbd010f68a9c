/// A file path's folder and name, as `NSString`'s `deletingLastPathComponent` and `lastPathComponent` give
/// them (doubled slashes count as one, a trailing slash is ignored), found on the path's bytes: through
/// `NSString` each call was about 30,000 instructions, three per note and 4% of a cold ingest. (Linux's
/// `NSString` also crashes on `"."` and on a relative path with a trailing slash.)
///
/// `PathParts.name("/a/b/c.md")` → `"c.md"`; `PathParts.folder("/a/b/c.md")` → `"/a/b"`;
/// `PathParts.folder("c.md")` → `""`; `PathParts.folder("/c.md")` → `"/"`; both of `"/"` are `"/"`.
public enum PathParts {
    /// The last component of `path`.
    public static func name(_ path: String) -> String {
        let (bytes, slash) = tidied(path)
        if bytes == [UInt8(ascii: "/")] { return "/" }
        return slash < 0 && bytes.count == path.utf8.count ? path : String(decoding: bytes[(slash + 1)...], as: UTF8.self)
    }

    /// `path` without its last component: `""` for a bare name, `"/"` for a file in the root.
    public static func folder(_ path: String) -> String {
        let (bytes, slash) = tidied(path)
        return slash < 0 ? "" : slash == 0 ? "/" : String(decoding: bytes[..<slash], as: UTF8.self)
    }

    /// The path's bytes with doubled slashes made one and a trailing slash dropped (but `/` kept), and the
    /// offset of their last slash (-1 for none).
    private static func tidied(_ path: String) -> (bytes: [UInt8], lastSlash: Int) {
        let slash = UInt8(ascii: "/")
        var bytes: [UInt8] = []
        bytes.reserveCapacity(path.utf8.count)
        for b in path.utf8 where !(b == slash && bytes.last == slash) { bytes.append(b) }
        if bytes.count > 1 && bytes.last == slash { bytes.removeLast() }
        return (bytes, bytes.lastIndex(of: slash) ?? -1)
    }
}
