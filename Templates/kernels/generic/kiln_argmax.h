#ifndef KILN_ARGMAX_H
#define KILN_ARGMAX_H
#include "kiln_common.h"

/* ArgMax / ArgMin along the middle dim of x viewed as [outer, n, inner]: y[o, i] = index k of the largest
 * (smallest) x[o, k, i]. Ties give the first index, or the last with select_last != 0. A NaN counts as larger
 * (smaller) than every number, and the first NaN wins, as in NumPy. n == 0 gives 0. */
#define KILN_ARGMAX_DECL(SFX, T)                                                                         \
    void kiln_argmax_##SFX(const T *x, int64_t *y, int32_t outer, int32_t n, int32_t inner, int32_t select_last); \
    void kiln_argmin_##SFX(const T *x, int64_t *y, int32_t outer, int32_t n, int32_t inner, int32_t select_last);

KILN_ARGMAX_DECL(f32, float)
KILN_ARGMAX_DECL(f64, double)
KILN_ARGMAX_DECL(f16, uint16_t)
KILN_ARGMAX_DECL(bf16, uint16_t)
KILN_ARGMAX_DECL(i8, int8_t)
KILN_ARGMAX_DECL(i16, int16_t)
KILN_ARGMAX_DECL(i32, int32_t)
KILN_ARGMAX_DECL(i64, int64_t)
KILN_ARGMAX_DECL(u8, uint8_t)
KILN_ARGMAX_DECL(u16, uint16_t)
KILN_ARGMAX_DECL(u32, uint32_t)
KILN_ARGMAX_DECL(u64, uint64_t)

#endif
