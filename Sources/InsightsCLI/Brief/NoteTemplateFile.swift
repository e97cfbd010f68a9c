import Foundation
import InsightsStore

/// The template `insights new` fills: the journal's `templates/note.md` when it has one, else the default
/// shipped in `templates/note.md` (embedded here; a test keeps the two identical).
enum NoteTemplateFile {
    /// Journal-relative path of a journal's own template.
    static let override = "templates/note.md"

    /// The journal's template, or the embedded default.
    static func text(for journal: Journal) throws -> String {
        guard journal.exists(override) else { return defaultText }
        let data = try journal.read(override)
        guard let text = String(validating: data, as: UTF8.self) else {
            throw CLIError.failure("\(journal.url(override).path): not valid UTF-8; save the template as UTF-8")
        }
        return text
    }

    /// A copy of `templates/note.md`.
    static let defaultText = #"""
# {{title}}

**Date**: {{date}}

## Summary

<!-- What this session set out to do, and what happened, in two or three sentences. -->

## Watch out for

<!-- From `insights brief`: failures that came back before, and the fix written last time. -->

{{watch_out_for}}

## Technical Findings

<!-- One "### 1. Title" per finding, with **What happened**:, **Root Cause**: and **Fix Required**: -->

## Process Findings

<!-- Friction as a table: | Friction | My Response | Correct Response | -->

## Work Completed

<!-- - [x] what got done -->

## Remaining Work

<!-- Open tasks from `insights brief` (P0/P1, reopened, left open last time); tick, edit or drop them. -->

{{open_tasks}}

## Key Takeaway

<!-- The one thing the next session must know. -->

"""#
}
