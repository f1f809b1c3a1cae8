#ifndef KILN_ROTARY_H
#define KILN_ROTARY_H
#include "kiln_common.h"

/* RotaryEmbedding. x and y are viewed as [B, S, H, D] with element strides (sb, ss, sh) for (batch, sequence,
 * head) and contiguous D; y has x's layout. The first `rot` (even) elements of each head vector rotate by the
 * angles of its position: pairs (x[k], x[k + rot/2]) or, when `interleaved`, (x[2k], x[2k+1]) become
 * (c*x1 - s*x2, s*x1 + c*x2) with c = cos[pos][k], s = sin[pos][k]; the rest is copied.
 * With position ids (pos != NULL, int64 [B, S]) the caches are [rows, rot/2] and row pos[b, s] is used
 * (negative ids count from the end; ids outside [-rows, rows) zero the rotated part); without them the caches
 * are [B, S, rot/2]. y may equal x. */
#define KILN_ROTARY_DECL(SUF, T)                                                                                \
    void kiln_rotary_##SUF(const T *x, const T *cos_cache, const T *sin_cache, const int64_t *pos, T *y,        \
                           int32_t B, int32_t S, int32_t H, int32_t D, int32_t rot, int32_t interleaved,         \
                           int32_t sb, int32_t ss, int32_t sh, int32_t rows);
KILN_ROTARY_DECL(f32, float)
KILN_ROTARY_DECL(f64, double)
KILN_ROTARY_DECL(f16, uint16_t)
KILN_ROTARY_DECL(bf16, uint16_t)

#endif
