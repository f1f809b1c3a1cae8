#ifndef KILN_BINARY_H
#define KILN_BINARY_H
#include "kiln_broadcast.h"

/* Element-wise binary arithmetic with NumPy broadcasting (see kiln_broadcast.h for the stride convention):
 * add, sub, mul, div, max, min. Integers wrap; integer division truncates toward zero, x / 0 = 0 and
 * INT_MIN / -1 wraps to INT_MIN, so no input traps. max/min propagate NaN. float16/bfloat16 compute in float. */
#define KILN_BINARY_DECL(NAME, TA, TB, TY) \
    void NAME(const TA *a, const TB *b, TY *y, int32_t rank, const int32_t *shape, const int32_t *sa, const int32_t *sb);

#define KILN_BINARY_DECL_ALL(OP) \
    KILN_BINARY_DECL(kiln_##OP##_f32, float, float, float) \
    KILN_BINARY_DECL(kiln_##OP##_f64, double, double, double) \
    KILN_BINARY_DECL(kiln_##OP##_f16, uint16_t, uint16_t, uint16_t) \
    KILN_BINARY_DECL(kiln_##OP##_bf16, uint16_t, uint16_t, uint16_t) \
    KILN_BINARY_DECL(kiln_##OP##_i8, int8_t, int8_t, int8_t) \
    KILN_BINARY_DECL(kiln_##OP##_i16, int16_t, int16_t, int16_t) \
    KILN_BINARY_DECL(kiln_##OP##_i32, int32_t, int32_t, int32_t) \
    KILN_BINARY_DECL(kiln_##OP##_i64, int64_t, int64_t, int64_t) \
    KILN_BINARY_DECL(kiln_##OP##_u8, uint8_t, uint8_t, uint8_t) \
    KILN_BINARY_DECL(kiln_##OP##_u16, uint16_t, uint16_t, uint16_t) \
    KILN_BINARY_DECL(kiln_##OP##_u32, uint32_t, uint32_t, uint32_t) \
    KILN_BINARY_DECL(kiln_##OP##_u64, uint64_t, uint64_t, uint64_t)

KILN_BINARY_DECL_ALL(add)
KILN_BINARY_DECL_ALL(sub)
KILN_BINARY_DECL_ALL(mul)
KILN_BINARY_DECL_ALL(div)
KILN_BINARY_DECL_ALL(max)
KILN_BINARY_DECL_ALL(min)

#endif
