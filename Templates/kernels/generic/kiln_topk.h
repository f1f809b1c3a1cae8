#ifndef KILN_TOPK_H
#define KILN_TOPK_H
#include "kiln_common.h"

/* TopK along the middle dim of x = [outer, n, inner]: values and indices are [outer, k, inner], sorted (largest
 * first when `largest`, else smallest first). Equal values keep the lower index first; NaN counts as larger than
 * every number (as NumPy's sort places it). k <= n. Insertion into the k kept elements: O(n*k) per lane. */
#define KILN_TOPK_DECL(SUF, T)                                                                              \
    void kiln_topk_##SUF(const T *x, T *values, int64_t *indices, int32_t outer, int32_t n, int32_t inner, \
                         int32_t k, int32_t largest);
KILN_TOPK_DECL(f32, float)
KILN_TOPK_DECL(f64, double)
KILN_TOPK_DECL(f16, uint16_t)
KILN_TOPK_DECL(bf16, uint16_t)
KILN_TOPK_DECL(i8, int8_t)
KILN_TOPK_DECL(i16, int16_t)
KILN_TOPK_DECL(i32, int32_t)
KILN_TOPK_DECL(i64, int64_t)
KILN_TOPK_DECL(u8, uint8_t)
KILN_TOPK_DECL(u16, uint16_t)
KILN_TOPK_DECL(u32, uint32_t)
KILN_TOPK_DECL(u64, uint64_t)

#endif
