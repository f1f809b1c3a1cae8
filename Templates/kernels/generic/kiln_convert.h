/* Header-only value conversions shared by Cast, Pow, Shrink and friends. Everything here is defined for every
 * input: float -> integer truncates toward zero, saturates at the type's range and maps NaN to 0; narrowing to
 * float16/bfloat16 rounds to nearest even exactly once, even from double and 64-bit integers. */
#ifndef KILN_CONVERT_H
#define KILN_CONVERT_H
#include "kiln_common.h"

/* v is a float or double; LO/HI are the exact powers of two bounding T (HI is one past the largest value). */
#define KILN_FTOI(v, T, LO, HI, MINV, MAXV) \
    ((v) != (v) ? (T)0 : ((v) >= (HI) ? (T)(MAXV) : ((v) <= (LO) ? (T)(MINV) : (T)(v))))

static inline int8_t kiln_f_to_i8(float v) { return KILN_FTOI(v, int8_t, -128.0f, 128.0f, INT8_MIN, INT8_MAX); }
static inline int16_t kiln_f_to_i16(float v) { return KILN_FTOI(v, int16_t, -32768.0f, 32768.0f, INT16_MIN, INT16_MAX); }
static inline int32_t kiln_f_to_i32(float v) { return KILN_FTOI(v, int32_t, -2147483648.0f, 2147483648.0f, INT32_MIN, INT32_MAX); }
static inline int64_t kiln_f_to_i64(float v) { return KILN_FTOI(v, int64_t, -9223372036854775808.0f, 9223372036854775808.0f, INT64_MIN, INT64_MAX); }
static inline uint8_t kiln_f_to_u8(float v) { return KILN_FTOI(v, uint8_t, 0.0f, 256.0f, 0, UINT8_MAX); }
static inline uint16_t kiln_f_to_u16(float v) { return KILN_FTOI(v, uint16_t, 0.0f, 65536.0f, 0, UINT16_MAX); }
static inline uint32_t kiln_f_to_u32(float v) { return KILN_FTOI(v, uint32_t, 0.0f, 4294967296.0f, 0, UINT32_MAX); }
static inline uint64_t kiln_f_to_u64(float v) { return KILN_FTOI(v, uint64_t, 0.0f, 18446744073709551616.0f, 0, UINT64_MAX); }
static inline int8_t kiln_d_to_i8(double v) { return KILN_FTOI(v, int8_t, -128.0, 128.0, INT8_MIN, INT8_MAX); }
static inline int16_t kiln_d_to_i16(double v) { return KILN_FTOI(v, int16_t, -32768.0, 32768.0, INT16_MIN, INT16_MAX); }
static inline int32_t kiln_d_to_i32(double v) { return KILN_FTOI(v, int32_t, -2147483648.0, 2147483648.0, INT32_MIN, INT32_MAX); }
static inline int64_t kiln_d_to_i64(double v) { return KILN_FTOI(v, int64_t, -9223372036854775808.0, 9223372036854775808.0, INT64_MIN, INT64_MAX); }
static inline uint8_t kiln_d_to_u8(double v) { return KILN_FTOI(v, uint8_t, 0.0, 256.0, 0, UINT8_MAX); }
static inline uint16_t kiln_d_to_u16(double v) { return KILN_FTOI(v, uint16_t, 0.0, 65536.0, 0, UINT16_MAX); }
static inline uint32_t kiln_d_to_u32(double v) { return KILN_FTOI(v, uint32_t, 0.0, 4294967296.0, 0, UINT32_MAX); }
static inline uint64_t kiln_d_to_u64(double v) { return KILN_FTOI(v, uint64_t, 0.0, 18446744073709551616.0, 0, UINT64_MAX); }

/* double -> float rounding to odd: truncate, and set the last bit when the result is inexact. Rounding that to
 * float16 or bfloat16 (at least two bits shorter) then gives the correctly rounded result, which rounding twice
 * to nearest would not always. */
static inline float kiln_f64_to_f32_odd(double d)
{
    float f = (float)d;
    uint32_t u;
    if ((double)f == d || d != d) return f;
    memcpy(&u, &f, sizeof u);
    if ((u & 1u) == 0) {
        if ((d < 0 ? -d : d) < (f < 0 ? -(double)f : (double)f)) u--; else u++;
        memcpy(&f, &u, sizeof f);
    }
    return f;
}

/* 64-bit integer magnitude -> float rounded to odd (sticky bits jammed into the last kept bit). */
static inline float kiln_u64_to_f32_odd(uint64_t m)
{
    float scale = 1.0f;
    while (m >= ((uint64_t)1 << 24)) {
        m = (m >> 1) | (m & 1u);
        scale *= 2.0f;
    }
    return (float)m * scale;
}
static inline float kiln_i64_to_f32_odd(int64_t v)
{
    return v < 0 ? -kiln_u64_to_f32_odd(0u - (uint64_t)v) : kiln_u64_to_f32_odd((uint64_t)v);
}

static inline uint16_t kiln_f64_to_f16(double d) { return kiln_f32_to_f16(kiln_f64_to_f32_odd(d)); }
static inline uint16_t kiln_f64_to_bf16(double d) { return kiln_f32_to_bf16(kiln_f64_to_f32_odd(d)); }

#endif
