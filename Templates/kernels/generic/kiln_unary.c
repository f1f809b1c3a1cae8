#include "kiln_unary.h"
#include <math.h>

/* Round half to even without depending on the FPU rounding mode; zero results keep the sign of x. */
static float kiln_round_even_f(float v)
{
    float r = floorf(v), d = v - r;
    if (d > 0.5f || (d == 0.5f && fmodf(r, 2.0f) != 0.0f)) r += 1.0f;
    return r == 0.0f ? copysignf(0.0f, v) : r;
}

static double kiln_round_even_d(double v)
{
    double r = floor(v), d = v - r;
    if (d > 0.5 || (d == 0.5 && fmod(r, 2.0) != 0.0)) r += 1.0;
    return r == 0.0 ? copysign(0.0, v) : r;
}

#define KILN_SIGN_F(v) ((v) > 0 ? 1 : ((v) < 0 ? -1 : (v)))

KILN_UNARY_DEF(kiln_abs_f32, float, float, float, KILN_ID, fabsf(v), KILN_ID)
KILN_UNARY_DEF(kiln_abs_f64, double, double, double, KILN_ID, fabs(v), KILN_ID)
KILN_UNARY_DEF(kiln_abs_f16, uint16_t, uint16_t, uint16_t, KILN_ID, v & 0x7fffu, (uint16_t))
KILN_UNARY_DEF(kiln_abs_bf16, uint16_t, uint16_t, uint16_t, KILN_ID, v & 0x7fffu, (uint16_t))
KILN_UNARY_DEF(kiln_neg_f32, float, float, float, KILN_ID, -v, KILN_ID)
KILN_UNARY_DEF(kiln_neg_f64, double, double, double, KILN_ID, -v, KILN_ID)
KILN_UNARY_DEF(kiln_neg_f16, uint16_t, uint16_t, uint16_t, KILN_ID, v ^ 0x8000u, (uint16_t))
KILN_UNARY_DEF(kiln_neg_bf16, uint16_t, uint16_t, uint16_t, KILN_ID, v ^ 0x8000u, (uint16_t))
KILN_UNARY_FLOATS(sign, KILN_SIGN_F(v), KILN_SIGN_F(v))

/* Signed integers negate in the unsigned type so INT_MIN wraps instead of overflowing. */
#define KILN_UNARY_SIGNED(SUF, T, UT)                                                                 \
    KILN_UNARY_DEF(kiln_abs_##SUF, T, T, T, KILN_ID, v < 0 ? (UT)(0u - (UT)v) : (UT)v, (T))          \
    KILN_UNARY_DEF(kiln_neg_##SUF, T, T, T, KILN_ID, (UT)(0u - (UT)v), (T))                          \
    KILN_UNARY_DEF(kiln_sign_##SUF, T, T, T, KILN_ID, (v > 0) - (v < 0), (T))
#define KILN_UNARY_UNSIGNED(SUF, T)                                                                   \
    KILN_UNARY_DEF(kiln_abs_##SUF, T, T, T, KILN_ID, v, KILN_ID)                                     \
    KILN_UNARY_DEF(kiln_sign_##SUF, T, T, T, KILN_ID, v != 0, (T))

KILN_UNARY_SIGNED(i8, int8_t, uint8_t)
KILN_UNARY_SIGNED(i16, int16_t, uint16_t)
KILN_UNARY_SIGNED(i32, int32_t, uint32_t)
KILN_UNARY_SIGNED(i64, int64_t, uint64_t)
KILN_UNARY_UNSIGNED(u8, uint8_t)
KILN_UNARY_UNSIGNED(u16, uint16_t)
KILN_UNARY_UNSIGNED(u32, uint32_t)
KILN_UNARY_UNSIGNED(u64, uint64_t)

KILN_UNARY_FLOATS(floor, floorf(v), floor(v))
KILN_UNARY_FLOATS(ceil, ceilf(v), ceil(v))
KILN_UNARY_FLOATS(round, kiln_round_even_f(v), kiln_round_even_d(v))
KILN_UNARY_FLOATS(reciprocal, 1.0f / v, 1.0 / v)
KILN_UNARY_FLOATS(sqrt, sqrtf(v), sqrt(v))
KILN_UNARY_FLOATS(exp, expf(v), exp(v))
KILN_UNARY_FLOATS(log, logf(v), log(v))
KILN_UNARY_FLOATS(erf, erff(v), erf(v))

KILN_UNARY_DEF(kiln_isnan_f32, float, uint8_t, float, KILN_ID, v != v, (uint8_t))
KILN_UNARY_DEF(kiln_isnan_f64, double, uint8_t, double, KILN_ID, v != v, (uint8_t))
KILN_UNARY_DEF(kiln_isnan_f16, uint16_t, uint8_t, uint16_t, KILN_ID, (v & 0x7fffu) > 0x7c00u, (uint8_t))
KILN_UNARY_DEF(kiln_isnan_bf16, uint16_t, uint8_t, uint16_t, KILN_ID, (v & 0x7fffu) > 0x7f80u, (uint8_t))

#define KILN_ISINF_DEF(SUF, T, CT, LD, INF)                                                          \
    void kiln_isinf_##SUF(const T *x, uint8_t *y, int32_t n, int32_t detect_positive,               \
                          int32_t detect_negative)                                                   \
    {                                                                                                \
        int32_t i;                                                                                   \
        for (i = 0; i < n; i++) {                                                                    \
            const CT v = LD(x[i]);                                                                   \
            y[i] = (uint8_t)((detect_positive && v == INF) || (detect_negative && v == -INF));      \
        }                                                                                            \
    }
KILN_ISINF_DEF(f32, float, float, KILN_ID, HUGE_VALF)
KILN_ISINF_DEF(f64, double, double, KILN_ID, HUGE_VAL)
KILN_ISINF_DEF(f16, uint16_t, float, kiln_f16_to_f32, HUGE_VALF)
KILN_ISINF_DEF(bf16, uint16_t, float, kiln_bf16_to_f32, HUGE_VALF)
