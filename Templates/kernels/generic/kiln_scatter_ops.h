#ifndef KILN_SCATTER_OPS_H
#define KILN_SCATTER_OPS_H
#include "kiln_common.h"

/* Reductions of ScatterElements/ScatterND: how an update b combines with the current value a. Integers wrap
 * (computed in the unsigned type), max/min propagate NaN as NumPy's maximum/minimum do, float16/bfloat16 are
 * computed in float and rounded once, bool add/max are OR and mul/min are AND. */
enum { KILN_SCATTER_NONE = 0, KILN_SCATTER_ADD = 1, KILN_SCATTER_MUL = 2, KILN_SCATTER_MAX = 3, KILN_SCATTER_MIN = 4 };

#define KILN_SCATTER_COMBINE_FLOAT(SUF, T)                                  \
    static inline T kiln_scatter_combine_##SUF(T a, T b, int32_t r)         \
    {                                                                       \
        switch (r) {                                                        \
        case KILN_SCATTER_ADD: return a + b;                                \
        case KILN_SCATTER_MUL: return a * b;                                \
        case KILN_SCATTER_MAX: return (a != a || a > b) ? a : b;            \
        case KILN_SCATTER_MIN: return (a != a || a < b) ? a : b;            \
        default: return b;                                                  \
        }                                                                   \
    }
#define KILN_SCATTER_COMBINE_HALF(SUF, TO, FROM)                                                    \
    static inline uint16_t kiln_scatter_combine_##SUF(uint16_t a, uint16_t b, int32_t r)            \
    {                                                                                               \
        if (r == KILN_SCATTER_NONE) return b;                                                       \
        return FROM(kiln_scatter_combine_f32(TO(a), TO(b), r));                                     \
    }
#define KILN_SCATTER_COMBINE_INT(SUF, T, UT)                                \
    static inline T kiln_scatter_combine_##SUF(T a, T b, int32_t r)         \
    {                                                                       \
        switch (r) {                                                        \
        case KILN_SCATTER_ADD: return (T)(UT)((UT)a + (UT)b);               \
        case KILN_SCATTER_MUL: return (T)(UT)((UT)a * (UT)b);               \
        case KILN_SCATTER_MAX: return a > b ? a : b;                        \
        case KILN_SCATTER_MIN: return a < b ? a : b;                        \
        default: return b;                                                  \
        }                                                                   \
    }
static inline uint8_t kiln_scatter_combine_bool(uint8_t a, uint8_t b, int32_t r)
{
    switch (r) {
    case KILN_SCATTER_ADD: case KILN_SCATTER_MAX: return (uint8_t)((a | b) != 0);
    case KILN_SCATTER_MUL: case KILN_SCATTER_MIN: return (uint8_t)((a & b) != 0);
    default: return b;
    }
}

KILN_SCATTER_COMBINE_FLOAT(f32, float)
KILN_SCATTER_COMBINE_FLOAT(f64, double)
KILN_SCATTER_COMBINE_HALF(f16, kiln_f16_to_f32, kiln_f32_to_f16)
KILN_SCATTER_COMBINE_HALF(bf16, kiln_bf16_to_f32, kiln_f32_to_bf16)
KILN_SCATTER_COMBINE_INT(i8, int8_t, uint32_t)
KILN_SCATTER_COMBINE_INT(i16, int16_t, uint32_t)
KILN_SCATTER_COMBINE_INT(i32, int32_t, uint32_t)
KILN_SCATTER_COMBINE_INT(i64, int64_t, uint64_t)
KILN_SCATTER_COMBINE_INT(u8, uint8_t, uint32_t)
KILN_SCATTER_COMBINE_INT(u16, uint16_t, uint32_t)
KILN_SCATTER_COMBINE_INT(u32, uint32_t, uint32_t)
KILN_SCATTER_COMBINE_INT(u64, uint64_t, uint64_t)

/* Instantiates MACRO(suffix, C type) for every element type. */
#define KILN_SCATTER_FOR_TYPES(MACRO)                                                                  \
    MACRO(f32, float) MACRO(f64, double) MACRO(f16, uint16_t) MACRO(bf16, uint16_t) MACRO(i8, int8_t)  \
    MACRO(i16, int16_t) MACRO(i32, int32_t) MACRO(i64, int64_t) MACRO(u8, uint8_t) MACRO(u16, uint16_t) \
    MACRO(u32, uint32_t) MACRO(u64, uint64_t) MACRO(bool, uint8_t)

#endif
