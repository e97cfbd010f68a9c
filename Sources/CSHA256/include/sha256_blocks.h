#ifndef INSIGHTS_SHA256_BLOCKS_H
#define INSIGHTS_SHA256_BLOCKS_H

#include <stddef.h>
#include <stdint.h>

/// Runs SHA-256's compression function over `blocks` 64-byte blocks of `data`, updating `state` (the eight
/// working words a..h), with the CPU's SHA instructions. Returns 1 when it did, 0 when this CPU has none
/// (then `state` is untouched and the caller compresses the blocks itself).
int insights_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t blocks);

/// SHA-256's 64 round constants (FIPS 180-4, 4.2.2), for compressing without the SHA instructions.
const uint32_t *insights_sha256_round_constants(void);

#endif
