#ifndef KILN_CUMSUM_H
#define KILN_CUMSUM_H
#include "kiln_common.h"

/* CumSum along the middle dim of x = [outer, n, inner]; `exclusive` leaves out the element itself, `reverse`
 * sums from the end. y may alias x. Integers wrap; float16/bfloat16 round after every addition (as NumPy's
 * cumsum in that type does). */
#define KILN_CUMSUM_DECL(SUF, T)                                                                         \
    void kiln_cumsum_##SUF(const T *x, T *y, int32_t outer, int32_t n, int32_t inner, int32_t exclusive, \
                           int32_t reverse);
KILN_CUMSUM_DECL(f32, float)
KILN_CUMSUM_DECL(f64, double)
KILN_CUMSUM_DECL(f16, uint16_t)
KILN_CUMSUM_DECL(bf16, uint16_t)
KILN_CUMSUM_DECL(i32, int32_t)
KILN_CUMSUM_DECL(i64, int64_t)
KILN_CUMSUM_DECL(u32, uint32_t)
KILN_CUMSUM_DECL(u64, uint64_t)

#endif
