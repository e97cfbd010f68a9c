// The `insights` executable allocates through mimalloc (Debian's libmimalloc-dev), which takes malloc's place
// for the whole process, SQLite and cmark-gfm included. Beside glibc's malloc, on 2 cores: a cold ingest of
// 50,000 notes 26.0 -> 21.7-22.9 s and a site build 20.4 -> 17.0-19.1 s (glibc's malloc and free were a tenth
// of an ingest's CPU).
#include "allocator.h"

#if defined(__linux__) && __has_include(<mimalloc.h>)  // linked on Linux only (Package.swift)
#include <mimalloc.h>

void insights_allocator_configure(void) {
    // Freed memory goes back to the system at once, not after a delay: a worker thread that frees what it
    // parsed and then idles would keep it (a cold ingest of 50,000 notes peaked at 308 MB instead of 290).
#if MI_MALLOC_VERSION >= 210
    mi_option_set(mi_option_purge_delay, 0);
#else
    mi_option_set(mi_option_decommit_delay, 0);
    mi_option_set(mi_option_segment_decommit_delay, 0);
#endif
}
#else
void insights_allocator_configure(void) {}
#endif
