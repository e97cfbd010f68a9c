#ifndef INSIGHTS_ALLOCATOR_H
#define INSIGHTS_ALLOCATOR_H

/// Sets up the memory allocator `insights` is linked with (mimalloc on Linux; see allocator.c). Call it first
/// thing in `main`. Does nothing where insights uses the system's malloc.
void insights_allocator_configure(void);

#endif
