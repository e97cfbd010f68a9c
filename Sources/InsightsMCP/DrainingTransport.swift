import InsightsCLI
import Foundation
import Logging
import MCP

/// Wraps a transport and remembers which requests are still unanswered, so the server can finish answering
/// them after the client closes its end (stdin reaching EOF) instead of exiting with replies unsent.
actor DrainingTransport: Transport {
    private let inner: any Transport
    nonisolated let logger: Logger
    /// Ids (as JSON text) of requests received and not yet answered.
    private var pending = Set<String>()

    init(_ inner: any Transport, logger: Logger) {
        self.inner = inner
        self.logger = logger
    }

    func connect() async throws { try await inner.connect() }

    func disconnect() async { await inner.disconnect() }

    func send(_ data: Data) async throws {
        try await inner.send(data)
        for id in Self.ids(in: data, where: { $0["result"] != nil || $0["error"] != nil }) { pending.remove(id) }
    }

    func receive() -> AsyncThrowingStream<Data, Swift.Error> {
        let (stream, continuation) = AsyncThrowingStream<Data, Swift.Error>.makeStream()
        let task = Task {
            do {
                for try await data in await inner.receive() {
                    self.noteRequests(in: data)
                    continuation.yield(data)
                }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }

    private func noteRequests(in data: Data) {
        for id in Self.ids(in: data, where: { $0["method"] != nil }) { pending.insert(id) }
    }

    /// Waits until every request received has been answered, or `timeout` passes.
    func drain(timeout: Duration) async {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while !pending.isEmpty && clock.now < deadline {
            try? await Task.sleep(for: .milliseconds(10))
        }
    }

    /// The `id`s of the JSON-RPC objects in `data` (one object or a batch) that satisfy `test`.
    static func ids(in data: Data, where test: ([String: Any]) -> Bool) -> [String] {
        guard let json = try? JSONSerialization.jsonObject(with: data) else { return [] }
        let objects = (json as? [[String: Any]]) ?? [json as? [String: Any]].compactMap { $0 }
        return objects.filter(test).compactMap { object in
            guard let id = object["id"], !(id is NSNull) else { return nil }
            return "\(id)"
        }
    }
}
