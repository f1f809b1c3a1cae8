#ifndef KILN_POW_H
#define KILN_POW_H
#include "kiln_broadcast.h"

/* Pow with NumPy broadcasting (see kiln_broadcast.h): kiln_pow_<base>_<exponent>, y has the base's type.
 * - float bases compute powf in float (float16/bfloat16 widened), float64 pow in double; the exponent is
 *   converted to that type.
 * - integer bases with an integer exponent multiply exactly with wrap-around; a negative exponent gives
 *   1 for base 1, +-1 for base -1 and 0 otherwise (the truncated real result; 0 ** negative is 0).
 * - integer bases with a float exponent compute in double and convert back truncating toward zero, saturated,
 *   NaN -> 0. */
#define KILN_POW_DECL(B, TB, E, TE) \
    void kiln_pow_##B##_##E(const TB *a, const TE *b, TB *y, int32_t rank, const int32_t *shape, const int32_t *sa, const int32_t *sb);
#define KILN_POW_DECL_BASE(B, TB) \
    KILN_POW_DECL(B, TB, f32, float) \
    KILN_POW_DECL(B, TB, f64, double) \
    KILN_POW_DECL(B, TB, f16, uint16_t) \
    KILN_POW_DECL(B, TB, bf16, uint16_t) \
    KILN_POW_DECL(B, TB, i8, int8_t) \
    KILN_POW_DECL(B, TB, i16, int16_t) \
    KILN_POW_DECL(B, TB, i32, int32_t) \
    KILN_POW_DECL(B, TB, i64, int64_t) \
    KILN_POW_DECL(B, TB, u8, uint8_t) \
    KILN_POW_DECL(B, TB, u16, uint16_t) \
    KILN_POW_DECL(B, TB, u32, uint32_t) \
    KILN_POW_DECL(B, TB, u64, uint64_t)

KILN_POW_DECL_BASE(f32, float)
KILN_POW_DECL_BASE(f64, double)
KILN_POW_DECL_BASE(f16, uint16_t)
KILN_POW_DECL_BASE(bf16, uint16_t)
KILN_POW_DECL_BASE(i32, int32_t)
KILN_POW_DECL_BASE(i64, int64_t)

#endif
