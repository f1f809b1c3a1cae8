#include "kiln_range.h"
#include <float.h>
#include <math.h>

/* double -> float without the undefined behaviour of converting an out-of-range value: overflow gives infinity
 * as IEEE arithmetic would. */
static float kiln_range_narrow(double v)
{
    if (v > (double)FLT_MAX) return HUGE_VALF;
    if (v < -(double)FLT_MAX) return -HUGE_VALF;
    return (float)v;
}

#define KILN_RANGE_FLOAT(SUF, T, LOAD, STORE)                                       \
    void kiln_range_##SUF(T *y, int32_t n, const T *start, const T *delta)          \
    {                                                                               \
        double s = (double)LOAD(*start), d = (double)LOAD(*delta);                  \
        int32_t i;                                                                  \
        for (i = 0; i < n; i++) y[i] = STORE(s + (double)i * d);                    \
    }
#define KILN_RANGE_INT(SUF, T, UT)                                                  \
    void kiln_range_##SUF(T *y, int32_t n, const T *start, const T *delta)          \
    {                                                                               \
        UT s = (UT)*start, d = (UT)*delta, v = s;                                   \
        int32_t i;                                                                  \
        for (i = 0; i < n; i++) {                                                   \
            y[i] = (T)v;                                                            \
            v = (UT)(v + d);                                                        \
        }                                                                           \
    }
#define KILN_RANGE_ID(v) (v)
#define KILN_RANGE_TO_F32(v) kiln_range_narrow(v)
#define KILN_RANGE_TO_F16(v) kiln_f32_to_f16(kiln_range_narrow(v))
#define KILN_RANGE_TO_BF16(v) kiln_f32_to_bf16(kiln_range_narrow(v))

KILN_RANGE_FLOAT(f32, float, KILN_RANGE_ID, KILN_RANGE_TO_F32)
KILN_RANGE_FLOAT(f64, double, KILN_RANGE_ID, KILN_RANGE_ID)
KILN_RANGE_FLOAT(f16, uint16_t, kiln_f16_to_f32, KILN_RANGE_TO_F16)
KILN_RANGE_FLOAT(bf16, uint16_t, kiln_bf16_to_f32, KILN_RANGE_TO_BF16)
KILN_RANGE_INT(i16, int16_t, uint32_t)
KILN_RANGE_INT(i32, int32_t, uint32_t)
KILN_RANGE_INT(i64, int64_t, uint64_t)
