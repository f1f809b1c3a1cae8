#ifndef KILN_CUMPROD_H
#define KILN_CUMPROD_H
#include "kiln_common.h"

/* Cumulative product along the middle axis of x viewed as [outer, len, inner]:
 *   y[o, k, i] = prod of x[o, j, i] over j <= k (j < k when exclusive; j >= k / j > k when reverse).
 * Integers wrap (unsigned arithmetic). y may alias x. */
#define KILN_CUMPROD_DECL(SUF, T)                                                                          \
    void kiln_cumprod_##SUF(const T *x, T *y, int32_t outer, int32_t len, int32_t inner, int32_t exclusive, \
                            int32_t reverse);
KILN_CUMPROD_DECL(f32, float)
KILN_CUMPROD_DECL(f64, double)
KILN_CUMPROD_DECL(i32, int32_t)
KILN_CUMPROD_DECL(i64, int64_t)
KILN_CUMPROD_DECL(u32, uint32_t)
KILN_CUMPROD_DECL(u64, uint64_t)
#undef KILN_CUMPROD_DECL

#endif
