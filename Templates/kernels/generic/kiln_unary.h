#ifndef KILN_UNARY_H
#define KILN_UNARY_H
#include "kiln_broadcast.h"

/* Element-wise unary math: y[i] = f(x[i]) over n elements; y may equal x (in place).
 * float16/bfloat16 compute in float and round once on store; float64 uses the double math.h functions.
 * - abs, sign: every numeric type; neg: floats and signed integers. Integers wrap (abs/neg of INT_MIN = INT_MIN).
 *   abs/neg of float16/bfloat16 only touch the sign bit. sign keeps +-0 and NaN.
 * - floor, ceil, round (half to even), reciprocal, sqrt, exp, log, erf: float types.
 * - isnan, isinf: float types to bool; isinf detects +inf when detect_positive != 0 and -inf when
 *   detect_negative != 0. */
#define KILN_UNARY_DECL(NAME, TX, TY) void NAME(const TX *x, TY *y, int32_t n);
#define KILN_UNARY_INTS_DECL(OP)                 \
    KILN_UNARY_DECL(kiln_##OP##_i8, int8_t, int8_t)       \
    KILN_UNARY_DECL(kiln_##OP##_i16, int16_t, int16_t)    \
    KILN_UNARY_DECL(kiln_##OP##_i32, int32_t, int32_t)    \
    KILN_UNARY_DECL(kiln_##OP##_i64, int64_t, int64_t)
#define KILN_UNARY_UINTS_DECL(OP)                \
    KILN_UNARY_DECL(kiln_##OP##_u8, uint8_t, uint8_t)     \
    KILN_UNARY_DECL(kiln_##OP##_u16, uint16_t, uint16_t)  \
    KILN_UNARY_DECL(kiln_##OP##_u32, uint32_t, uint32_t)  \
    KILN_UNARY_DECL(kiln_##OP##_u64, uint64_t, uint64_t)

KILN_UNARY_FLOATS_DECL(abs)
KILN_UNARY_INTS_DECL(abs)
KILN_UNARY_UINTS_DECL(abs)
KILN_UNARY_FLOATS_DECL(neg)
KILN_UNARY_INTS_DECL(neg)
KILN_UNARY_FLOATS_DECL(sign)
KILN_UNARY_INTS_DECL(sign)
KILN_UNARY_UINTS_DECL(sign)
KILN_UNARY_FLOATS_DECL(floor)
KILN_UNARY_FLOATS_DECL(ceil)
KILN_UNARY_FLOATS_DECL(round)
KILN_UNARY_FLOATS_DECL(reciprocal)
KILN_UNARY_FLOATS_DECL(sqrt)
KILN_UNARY_FLOATS_DECL(exp)
KILN_UNARY_FLOATS_DECL(log)
KILN_UNARY_FLOATS_DECL(erf)

void kiln_isnan_f32(const float *x, uint8_t *y, int32_t n);
void kiln_isnan_f64(const double *x, uint8_t *y, int32_t n);
void kiln_isnan_f16(const uint16_t *x, uint8_t *y, int32_t n);
void kiln_isnan_bf16(const uint16_t *x, uint8_t *y, int32_t n);
void kiln_isinf_f32(const float *x, uint8_t *y, int32_t n, int32_t detect_positive, int32_t detect_negative);
void kiln_isinf_f64(const double *x, uint8_t *y, int32_t n, int32_t detect_positive, int32_t detect_negative);
void kiln_isinf_f16(const uint16_t *x, uint8_t *y, int32_t n, int32_t detect_positive, int32_t detect_negative);
void kiln_isinf_bf16(const uint16_t *x, uint8_t *y, int32_t n, int32_t detect_positive, int32_t detect_negative);

#endif
