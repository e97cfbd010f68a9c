/// A page on its way to its file: rendered text is gathered and written out a megabyte at a time, so a page
/// that lists the whole journal (findings.html: 32 MB at 50,000 notes) is never held whole, nor a second time
/// inside its layout.
struct PageOutput: TemplateOutput {
    static let chunk = 1 << 20

    private let file: OutputFolder.File
    private var buffer = ""
    /// Bytes written so far.
    private(set) var bytes = 0
    /// The first write that failed; `finish` throws it (rendering itself cannot throw).
    private var failure: (any Error)?

    init(file: OutputFolder.File) { self.file = file }

    mutating func append(_ text: String) {
        if text.utf8.count >= Self.chunk {
            // A large piece (the search index's docs) goes straight to the file, not through the buffer.
            flush()
            write(text)
            return
        }
        buffer += text
        if buffer.utf8.count >= Self.chunk { flush() }
    }

    private mutating func flush() {
        write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    private mutating func write(_ text: String) {
        guard failure == nil, !text.isEmpty else { return }
        do { try file.write(text) } catch { failure = error }
        bytes += text.utf8.count
    }

    /// Writes what is left and puts the file in place; returns its size.
    consuming func finish() throws -> Int {
        flush()
        if let failure { file.discard(); throw failure }
        try file.commit()
        return bytes
    }

    /// Deletes the file (its page failed to render).
    consuming func discard() { file.discard() }
}
