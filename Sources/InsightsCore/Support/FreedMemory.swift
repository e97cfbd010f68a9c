/// Hands the pages of freed heap memory back to the system. glibc keeps what a thread freed in that thread's
/// arena: after the tasks and clusters of 50,000 notes were decoded (their JSON read 16 MB at a time and let
/// go), 40 MB of the build's memory was free but still held. A no-op where malloc is not glibc's.
public enum FreedMemory {
    public static func release() {
        #if os(Linux)
        _ = glibcMallocTrim(0)
        #endif
    }
}

#if os(Linux)
/// glibc's `malloc_trim` (declared in malloc.h, which the Glibc module leaves out).
@_silgen_name("malloc_trim") private func glibcMallocTrim(_ pad: Int) -> Int32
#endif
