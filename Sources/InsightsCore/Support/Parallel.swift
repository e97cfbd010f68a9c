import Dispatch
import Synchronization

/// Independent work spread over every core (the machines insights runs on have two or more).
///
/// `try Parallel.map(files) { try parse($0) }` → the results in the order of `files`;
/// `try Parallel.both({ tasks() }, { clusters() })` → both results, computed at the same time.
public enum Parallel {
    /// `transform` of each element, in order; the first error in element order is thrown.
    public static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) throws -> R) throws -> [R] {
        if items.count < 2 { return try items.map(transform) }
        let results = Mutex([Result<R, any Error>?](repeating: nil, count: items.count))
        DispatchQueue.concurrentPerform(iterations: items.count) { i in
            let result = Result { try transform(items[i]) }
            results.withLock { $0[i] = result }
        }
        return try results.withLock { $0 }.map { try $0!.get() }
    }

    /// `transform` of each run of `size` elements (one task per run, so per-element work stays cheap), the
    /// runs' results joined in element order.
    public static func map<T: Sendable, R: Sendable>(_ items: [T], inRunsOf size: Int,
                                                     _ transform: @Sendable (ArraySlice<T>) throws -> [R]) throws -> [R] {
        let runs = stride(from: 0, to: items.count, by: max(1, size)).map { $0..<min($0 + max(1, size), items.count) }
        return try map(runs) { try transform(items[$0]) }.flatMap { $0 }
    }

    /// Both values, computed at the same time.
    public static func both<A: Sendable, B: Sendable>(_ a: @Sendable () throws -> A, _ b: @Sendable () throws -> B) throws -> (A, B) {
        let first = Mutex<Result<A, any Error>?>(nil), second = Mutex<Result<B, any Error>?>(nil)
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            if i == 0 { let r = Result { try a() }; first.withLock { $0 = r } } else { let r = Result { try b() }; second.withLock { $0 = r } }
        }
        return (try first.withLock { $0 }!.get(), try second.withLock { $0 }!.get())
    }
}

/// Work started on another thread at once; `value()` waits for its result.
///
/// `let next = Background { try parse(batch) }` ... `try next.value()`.
public final class Background<T: Sendable>: Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let result = Mutex<Result<T, any Error>?>(nil)

    public init(_ work: @escaping @Sendable () throws -> T) {
        DispatchQueue.global().async { [self] in
            let r = Result { try work() }
            result.withLock { $0 = r }
            done.signal()
        }
    }

    /// The work's result (or its error), once it is done.
    public func value() throws -> T {
        done.wait()
        done.signal()
        return try result.withLock { $0 }!.get()
    }
}

/// A value handed from one thread to another and held by nobody else once taken, so the taker can let parts of
/// it go (a tracker dropping what it has read). `Handoff(inputs)` → `Background { work(handoff.take()) }`.
public final class Handoff<T: Sendable>: Sendable {
    private let value: Mutex<T?>

    public init(_ value: consuming T) { self.value = Mutex(value) }

    /// The value; nil after the first call.
    public func take() -> T? { value.withLock { v in defer { v = nil }; return v } }
}
