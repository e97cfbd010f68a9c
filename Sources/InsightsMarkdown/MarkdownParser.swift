import InsightsCore

/// Parses Markdown notes with cmark-gfm (tables, task lists, strikethrough, autolinks, tagfilter).
///
/// `MarkdownParser.parse("# Title\n\n- [ ] Fix CI")` → a `.document` block holding a heading and a list.
public enum MarkdownParser {
    /// The note as a block tree with 1-based source lines.
    public static func parse(_ text: String) -> Block {
        CommonMarkConverter.parse(text)
    }
}

/// Renders Markdown notes to HTML for the site.
public enum MarkdownRenderer {
    /// HTML for `text`; raw HTML is omitted and `javascript:` links dropped unless `allowUnsafeHTML`.
    ///
    /// `MarkdownRenderer.html("*hi*")` → `"<p><em>hi</em></p>\n"`.
    public static func html(_ text: String, allowUnsafeHTML: Bool = false) -> String {
        CommonMarkConverter.renderHTML(text, allowUnsafeHTML: allowUnsafeHTML)
    }
}
