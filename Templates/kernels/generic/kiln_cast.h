#ifndef KILN_CAST_H
#define KILN_CAST_H
#include "kiln_common.h"

/* Cast: y[i] = x[i] converted, over n elements: kiln_cast_<from>_<to>. y may equal x when y's elements are not
 * wider than x's. Conversions follow ONNX Cast (see kiln_convert.h): float -> integer truncates toward zero,
 * saturates and maps NaN to 0; to float16/bfloat16 rounds to nearest even (once, also from double and 64-bit
 * integers); integer -> integer wraps; anything -> bool is (x != 0) (NaN is true); bool -> anything is 0 or 1. */
#define KILN_CAST_DECL(FROM, TF, TO, TT) void kiln_cast_##FROM##_##TO(const TF *x, TT *y, int32_t n);
#define KILN_CAST_DECL_FROM(FROM, TF) \
    KILN_CAST_DECL(FROM, TF, f32, float) \
    KILN_CAST_DECL(FROM, TF, f64, double) \
    KILN_CAST_DECL(FROM, TF, f16, uint16_t) \
    KILN_CAST_DECL(FROM, TF, bf16, uint16_t) \
    KILN_CAST_DECL(FROM, TF, i8, int8_t) \
    KILN_CAST_DECL(FROM, TF, i16, int16_t) \
    KILN_CAST_DECL(FROM, TF, i32, int32_t) \
    KILN_CAST_DECL(FROM, TF, i64, int64_t) \
    KILN_CAST_DECL(FROM, TF, u8, uint8_t) \
    KILN_CAST_DECL(FROM, TF, u16, uint16_t) \
    KILN_CAST_DECL(FROM, TF, u32, uint32_t) \
    KILN_CAST_DECL(FROM, TF, u64, uint64_t) \
    KILN_CAST_DECL(FROM, TF, bool, uint8_t)

KILN_CAST_DECL_FROM(f32, float)
KILN_CAST_DECL_FROM(f64, double)
KILN_CAST_DECL_FROM(f16, uint16_t)
KILN_CAST_DECL_FROM(bf16, uint16_t)
KILN_CAST_DECL_FROM(i8, int8_t)
KILN_CAST_DECL_FROM(i16, int16_t)
KILN_CAST_DECL_FROM(i32, int32_t)
KILN_CAST_DECL_FROM(i64, int64_t)
KILN_CAST_DECL_FROM(u8, uint8_t)
KILN_CAST_DECL_FROM(u16, uint16_t)
KILN_CAST_DECL_FROM(u32, uint32_t)
KILN_CAST_DECL_FROM(u64, uint64_t)
KILN_CAST_DECL_FROM(bool, uint8_t)

#endif
