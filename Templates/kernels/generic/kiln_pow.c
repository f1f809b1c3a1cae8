#include "kiln_pow.h"
#include "kiln_convert.h"
#include <math.h>

/* base ** e with wrap-around (two's complement multiplication is the same on the unsigned bit pattern). */
static uint64_t kiln_ipow_u(uint64_t base, uint64_t e)
{
    uint64_t r = 1;
    while (e != 0) {
        if (e & 1u) r *= base;
        base *= base;
        e >>= 1;
    }
    return r;
}

static uint64_t kiln_ipow_s(int64_t base, int64_t e)
{
    if (e >= 0) return kiln_ipow_u((uint64_t)base, (uint64_t)e);
    if (base == 1) return 1;
    if (base == -1) return (e & 1) ? UINT64_MAX : 1;
    return 0;
}

#define KILN_H2F(v) kiln_f16_to_f32(v)
#define KILN_B2F(v) kiln_bf16_to_f32(v)
#define KILN_H2D(v) ((double)kiln_f16_to_f32(v))
#define KILN_B2D(v) ((double)kiln_bf16_to_f32(v))

/* Float bases: CT is float or double; LA widens the base, ST rounds the result. */
#define KILN_POWF(B, TB, CT, LA, ST, POW, E, TE, LB) \
    KILN_BROADCAST2_DEF(kiln_pow_##B##_##E, TB, TE, TB, CT, LA, LB, POW(x, z), ST)
#define KILN_POW_FLOAT_BASE(B, TB, CT, LA, ST, POW, LH, LBF)        \
    KILN_POWF(B, TB, CT, LA, ST, POW, f32, float, (CT))             \
    KILN_POWF(B, TB, CT, LA, ST, POW, f64, double, (CT))            \
    KILN_POWF(B, TB, CT, LA, ST, POW, f16, uint16_t, LH)            \
    KILN_POWF(B, TB, CT, LA, ST, POW, bf16, uint16_t, LBF)          \
    KILN_POWF(B, TB, CT, LA, ST, POW, i8, int8_t, (CT))             \
    KILN_POWF(B, TB, CT, LA, ST, POW, i16, int16_t, (CT))           \
    KILN_POWF(B, TB, CT, LA, ST, POW, i32, int32_t, (CT))           \
    KILN_POWF(B, TB, CT, LA, ST, POW, i64, int64_t, (CT))           \
    KILN_POWF(B, TB, CT, LA, ST, POW, u8, uint8_t, (CT))            \
    KILN_POWF(B, TB, CT, LA, ST, POW, u16, uint16_t, (CT))          \
    KILN_POWF(B, TB, CT, LA, ST, POW, u32, uint32_t, (CT))          \
    KILN_POWF(B, TB, CT, LA, ST, POW, u64, uint64_t, (CT))

KILN_POW_FLOAT_BASE(f32, float, float, KILN_ID, KILN_ID, powf, KILN_H2F, KILN_B2F)
KILN_POW_FLOAT_BASE(f16, uint16_t, float, kiln_f16_to_f32, kiln_f32_to_f16, powf, KILN_H2F, KILN_B2F)
KILN_POW_FLOAT_BASE(bf16, uint16_t, float, kiln_bf16_to_f32, kiln_f32_to_bf16, powf, KILN_H2F, KILN_B2F)
KILN_POW_FLOAT_BASE(f64, double, double, KILN_ID, KILN_ID, pow, KILN_H2D, KILN_B2D)

/* Integer bases. WRAP truncates the 64-bit result to the base type, DTOI converts a double result. */
#define KILN_POWI_S(B, TB, WRAP, E, TE) \
    KILN_BROADCAST2_DEF(kiln_pow_##B##_##E, TB, TE, TB, int64_t, (int64_t), (int64_t), kiln_ipow_s(x, z), WRAP)
#define KILN_POWI_U(B, TB, WRAP, E, TE) \
    KILN_BROADCAST2_DEF(kiln_pow_##B##_##E, TB, TE, TB, uint64_t, (uint64_t), (uint64_t), kiln_ipow_u(x, z), WRAP)
#define KILN_POWI_F(B, TB, DTOI, E, TE, LB) \
    KILN_BROADCAST2_DEF(kiln_pow_##B##_##E, TB, TE, TB, double, (double), LB, pow(x, z), DTOI)
#define KILN_POW_INT_BASE(B, TB, WRAP, DTOI)                    \
    KILN_POWI_F(B, TB, DTOI, f32, float, (double))              \
    KILN_POWI_F(B, TB, DTOI, f64, double, (double))             \
    KILN_POWI_F(B, TB, DTOI, f16, uint16_t, KILN_H2D)           \
    KILN_POWI_F(B, TB, DTOI, bf16, uint16_t, KILN_B2D)          \
    KILN_POWI_S(B, TB, WRAP, i8, int8_t)                        \
    KILN_POWI_S(B, TB, WRAP, i16, int16_t)                      \
    KILN_POWI_S(B, TB, WRAP, i32, int32_t)                      \
    KILN_POWI_S(B, TB, WRAP, i64, int64_t)                      \
    KILN_POWI_U(B, TB, WRAP, u8, uint8_t)                       \
    KILN_POWI_U(B, TB, WRAP, u16, uint16_t)                     \
    KILN_POWI_U(B, TB, WRAP, u32, uint32_t)                     \
    KILN_POWI_U(B, TB, WRAP, u64, uint64_t)

#define KILN_WRAP_I32(v) ((int32_t)(uint32_t)(v))
#define KILN_WRAP_I64(v) ((int64_t)(uint64_t)(v))
KILN_POW_INT_BASE(i32, int32_t, KILN_WRAP_I32, kiln_d_to_i32)
KILN_POW_INT_BASE(i64, int64_t, KILN_WRAP_I64, kiln_d_to_i64)
