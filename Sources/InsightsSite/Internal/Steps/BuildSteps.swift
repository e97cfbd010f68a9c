import Foundation
import InsightsCore
import Mustache

/// The steps of a build, each a small function of the shared context.
enum BuildSteps {
    static let prepareOutput = SiteStep(name: "Prepare the output folder") { context in
        try OutputFolder(path: context.output).validate()
        try StagedOutput(output: context.output).recover()
    }

    static let compileTemplates = SiteStep(name: "Compile templates") { context in
        var digest = Fingerprint()
        // Every page's key includes the renderer's version: a new insights rebuilds pages its old one wrote.
        digest.add(SiteBuilder.rendererVersion)
        var library = MustacheLibrary()
        var texts: [String: String] = [:]
        for name in context.templates.files.keys.sorted() {
            let text = try context.templates.text(name)
            digest.add(name); digest.add(text)
            guard name.hasSuffix(".mustache") else { continue }
            texts[String(name.dropLast(".mustache".count))] = text
            do {
                try library.register(text, named: String(name.dropLast(".mustache".count)))
            } catch {
                throw SiteError.template(name: name, reason: "\(error)")
            }
        }
        for required in ["layout", "home", "session", "sessions", "timeline", "findings", "friction", "tasks", "failures",
                         "tags", "tag", "search"] where library.getTemplate(named: required) == nil {
            throw SiteError.template(name: required + ".mustache", reason: "missing")
        }
        context.library = SiteTemplates(library: library, texts: texts)
        context.templatesDigest = digest.hex
    }

    static let planSessions = SiteStep(name: "Plan sessions, anchors and links") { context in
        // The tasks and clusters are moved, not copied; the sessions are read from the input once and summarised.
        context.plan = try SitePlan(taking: &context.input, options: context.options, templatesDigest: context.templatesDigest)
        FreedMemory.release()  // the sessions read to plan were decoded on every core
    }

    static let readManifest = SiteStep(name: "Read the previous build's manifest") { context in
        context.previous = Manifest.read(in: context.output)
    }

    static let planPages = SiteStep(name: "Plan pages") { context in
        (context.jobs, context.notes) = PagePlanner(plan: context.plan, options: context.options, library: context.library,
                                                    templates: context.templates, templatesDigest: context.templatesDigest).jobs()
    }

    static let renderChangedPages = SiteStep(name: "Render changed pages") { context in
        let folder = OutputFolder(path: context.output)
        var pending: [PageJob] = []
        for job in context.jobs {
            if let old = context.previous.files[job.path], old.key == job.key, folder.exists(job.path) {
                context.next.files[job.path] = old
                context.report.unchanged.append(job.path)
            } else {
                pending.append(job)
            }
        }
        guard !pending.isEmpty else { return }
        context.notes?.prepare(pending.compactMap(\.session))
        let staged = StagedOutput(output: context.output)
        if !context.isStaging { try staged.prepare(); context.isStaging = true }
        // Folders first: pages are written from several threads.
        for folder in Set(pending.map { PathParts.folder($0.path) }).sorted() where !folder.isEmpty {
            try staged.makeFolder(folder)
        }
        // Each page is written as it is rendered: holding every page until the end took 650 MB at 10,000 notes.
        let jobs = pending
        // Pages go to the disk as they pile up, so the flush before the swap (`StagedOutput.swap`) finds little
        // left to write (at 10,000 notes it waited 0.2 s for all of them).
        let ahead = FlushAhead(every: StagedOutput.flushEvery)
        let written = try ParallelRender.render(jobs, open: { i in try staged.open(jobs[i].path) }, written: ahead.wrote)
        for (i, bytes) in written {
            context.next.files[jobs[i].path] = Manifest.Entry(key: jobs[i].key, bytes: bytes)
            context.report.written.append(jobs[i].path)
        }
    }

    static let writeSite = SiteStep(name: "Complete the new site beside the old one and swap it in") { context in
        let stale = Set(context.previous.files.keys).subtracting(context.next.files.keys)
        context.report.removed = stale.sorted()
        let manifestChanged = context.next != context.previous || !OutputFolder(path: context.output).exists(Manifest.fileName)
        guard context.isStaging || !stale.isEmpty || manifestChanged else { return }
        let staged = StagedOutput(output: context.output)
        if !context.isStaging { try staged.prepare(); context.isStaging = true }
        let written = Set(context.report.written)
        try staged.link { !written.contains($0) && !stale.contains($0) && $0 != Manifest.fileName }
        try staged.write(context.next.encoded(), to: Manifest.fileName)
        try staged.swap()
        context.isStaging = false
    }

    static let summarize = SiteStep(name: "Summarize") { context in
        context.report.written.sort(); context.report.unchanged.sort()
        context.report.searchIndexBytes = context.next.files[PagePlanner.searchIndexPath]?.bytes ?? 0
        context.report.siteTextBytes = context.next.files.filter { $0.key.hasSuffix(".html") }.reduce(0) { $0 + $1.value.bytes }
    }
}
