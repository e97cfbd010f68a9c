#if canImport(Glibc)
import Glibc
#endif

/// Hands the pages of freed heap memory back to the system. glibc keeps what a thread freed in that thread's
/// arena: after the tasks and clusters of 50,000 notes were decoded (their JSON read 16 MB at a time and let
/// go), 40 MB of the build's memory was free but still held. A no-op where malloc is not glibc's, as under a
/// sanitizer, whose runtime replaces it (glibc's arenas are then never set up, and trimming them crashed).
/// The `insights` executable runs on mimalloc (`CAllocator`), which returns freed memory itself: there glibc's
/// arenas hold next to nothing and trimming them costs next to nothing.
public enum FreedMemory {
    public static func release() {
        #if canImport(Glibc)
        _ = trim?(0)
        #endif
    }

    #if canImport(Glibc)
    /// glibc's `malloc_trim` (malloc.h, which the Glibc module leaves out), looked up once; nil without it, or
    /// with a sanitizer's runtime (ASan's and TSan's both export `__sanitizer_print_stack_trace`).
    private static let trim: (@convention(c) (Int) -> Int32)? = {
        let all = UnsafeMutableRawPointer(bitPattern: 0)
        guard dlsym(all, "__sanitizer_print_stack_trace") == nil else { return nil }
        return dlsym(all, "malloc_trim").map { unsafeBitCast($0, to: (@convention(c) (Int) -> Int32).self) }
    }()
    #endif
}
