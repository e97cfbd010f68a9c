import Foundation

/// The site's templates by file name: the defaults built into the binary, each overridable by a file.
///
/// `try TemplateSet.defaults.overridden(byFolder: "journal/templates")` → the defaults, except that
/// `journal/templates/session.mustache` (if present) replaces `session.mustache`.
public struct TemplateSet: Sendable, Hashable {
    /// File name (`layout.mustache`, `style.css`) → text.
    public private(set) var files: [String: String]
    /// Names taken from an override folder, sorted.
    public private(set) var overridden: [String] = []

    public init(files: [String: String]) { self.files = files }

    /// The templates embedded in the binary (generated from `templates/` by `scripts/embed-templates.sh`).
    public static let defaults = TemplateSet(files: EmbeddedTemplates.files)

    /// These templates with every same-named file in `folder` put in their place; a missing folder changes nothing.
    public func overridden(byFolder folder: String) throws -> TemplateSet {
        var copy = self
        for name in files.keys.sorted() {
            let path = (folder as NSString).appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: path) else { continue }
            do {
                copy.files[name] = try String(contentsOfFile: path, encoding: .utf8)
                copy.overridden.append(name)
            } catch {
                throw SiteError.io(path: path, reason: "cannot read the template override (\(error.localizedDescription))")
            }
        }
        return copy
    }

    /// A template's text, or an error naming it.
    func text(_ name: String) throws -> String {
        guard let t = files[name] else { throw SiteError.template(name: name, reason: "missing") }
        return t
    }
}
