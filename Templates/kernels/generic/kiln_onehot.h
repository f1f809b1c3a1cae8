#ifndef KILN_ONEHOT_H
#define KILN_ONEHOT_H
#include "kiln_move.h"

/* OneHot: indices are [outer, inner], y is [outer, depth, inner] of the element width of values = {off, on}.
 * An index v (of any numeric type) selects position v, or v + depth when negative; indices that are then
 * outside [0, depth), or not integral (float indices), select nothing and leave the off value. */
#define KILN_ONEHOT_DECL_ONE(IS, IT, W, T)                                                                 \
    void kiln_onehot_##IS##_b##W(const IT *indices, const void *values, void *y, int32_t outer, int32_t depth, \
                                 int32_t inner);
#define KILN_ONEHOT_FOR_INDEX(M, W, T)                                                                    \
    M(i8, int8_t, W, T) M(i16, int16_t, W, T) M(i32, int32_t, W, T) M(i64, int64_t, W, T)              \
    M(u8, uint8_t, W, T) M(u16, uint16_t, W, T) M(u32, uint32_t, W, T) M(u64, uint64_t, W, T)          \
    M(f32, float, W, T) M(f64, double, W, T) M(f16, uint16_t, W, T) M(bf16, uint16_t, W, T)
#define KILN_ONEHOT_DECL(W, T) KILN_ONEHOT_FOR_INDEX(KILN_ONEHOT_DECL_ONE, W, T)
KILN_FOR_WIDTHS(KILN_ONEHOT_DECL)

#endif
