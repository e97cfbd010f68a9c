#if canImport(Glibc)
import Glibc
#endif

/// Hands the pages of freed heap memory back to the system. glibc keeps what a thread freed in that thread's
/// arena: after the tasks and clusters of 50,000 notes were decoded (their JSON read 16 MB at a time and let
/// go), 40 MB of the build's memory was free but still held. A no-op where malloc is not glibc's.
public enum FreedMemory {
    public static func release() {
        #if canImport(Glibc)
        _ = trim?(0)
        #endif
    }

    #if canImport(Glibc)
    /// glibc's `malloc_trim` (malloc.h, which the Glibc module leaves out), looked up once; nil without it.
    private static let trim: (@convention(c) (Int) -> Int32)? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim")
        .map { unsafeBitCast($0, to: (@convention(c) (Int) -> Int32).self) }
    #endif
}
