#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A value each thread has its own copy of, made on the thread's first use and kept until the thread ends:
/// a cache that the notes read one after another on a worker thread share, with no lock between threads.
///
/// `static let stems = PerThread { StemCache() }` … `stems.with { cache in cache.form(word) }`.
final class PerThread<Value>: @unchecked Sendable {
    private final class Box { var value: Value; init(_ value: Value) { self.value = value } }
    private let key: pthread_key_t
    private let make: @Sendable () -> Value

    init(_ make: @escaping @Sendable () -> Value) {
        self.make = make
        var key = pthread_key_t()
        // A thread that ends releases its value.
        pthread_key_create(&key) { pointer in
            if let pointer = pointer as UnsafeMutableRawPointer? { Unmanaged<AnyObject>.fromOpaque(pointer).release() }
        }
        self.key = key
    }

    /// `body` with this thread's value (which it may change), made now if the thread has none yet.
    func with<R>(_ body: (inout Value) -> R) -> R {
        let box: Box
        if let pointer = pthread_getspecific(key) {
            box = Unmanaged<Box>.fromOpaque(pointer).takeUnretainedValue()
        } else {
            box = Box(make())
            pthread_setspecific(key, Unmanaged.passRetained(box).toOpaque())
        }
        return body(&box.value)
    }
}
