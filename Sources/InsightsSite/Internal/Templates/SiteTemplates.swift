import Mustache

/// The templates a build renders with: compiled by `TemplateParser` when every one of them is Mustache it
/// compiles (the shipped ones are), else the swift-mustache library they were registered in.
///
/// Rendering the 2,000 session pages of a generated journal through swift-mustache was 38% of a full build
/// (a dynamic cast and a dictionary lookup for every name, on every enclosing context).
struct SiteTemplates: Sendable {
    let library: MustacheLibrary
    /// Nil when some template uses Mustache the engine does not compile.
    let compiled: [String: CompiledTemplate]?

    init(library: MustacheLibrary, texts: [String: String]) {
        self.library = library
        var compiled: [String: CompiledTemplate] = [:]
        for (name, text) in texts {
            guard let template = try? TemplateParser.parse(text) else {
                self.compiled = nil
                return
            }
            compiled[name] = template
        }
        self.compiled = compiled
    }

    /// `view` rendered with the template `name`, or nil when there is no such template.
    func render(_ view: Any, template name: String) -> String? {
        guard let compiled else { return library.render(TemplateTree.of(view), withTemplate: name) }
        return compiled[name]?.render(TemplateValue(view), partials: compiled)
    }

    /// Renders `view` with the template `name` into `out`; false when there is no such template.
    func render<Output: TemplateOutput>(_ view: Any, template name: String, into out: inout Output) -> Bool {
        guard let compiled else {
            guard let text = library.render(TemplateTree.of(view), withTemplate: name) else { return false }
            out.append(text)
            return true
        }
        guard let template = compiled[name] else { return false }
        template.render(TemplateValue(view), partials: compiled, into: &out)
        return true
    }
}
