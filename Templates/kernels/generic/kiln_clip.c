#include "kiln_clip.h"
#include "kiln_broadcast.h"
#include <math.h>

/* Absent bounds become the type's extremes (infinities for floats), so the loop always does two compares. */
#define KILN_CLIP_DEF(SUF, T, CT, LD, ST, MINV, MAXV)                         \
    void kiln_clip_##SUF(const T *x, T *y, int32_t n, const T *lo, const T *hi) \
    {                                                                         \
        const CT l = lo ? LD(*lo) : (MINV), h = hi ? LD(*hi) : (MAXV);        \
        int32_t i;                                                            \
        for (i = 0; i < n; i++) {                                             \
            CT v = LD(x[i]);                                                  \
            v = v < l ? l : v;                                                \
            y[i] = ST(v > h ? h : v);                                         \
        }                                                                     \
    }

KILN_CLIP_DEF(f32, float, float, KILN_ID, KILN_ID, -HUGE_VALF, HUGE_VALF)
KILN_CLIP_DEF(f64, double, double, KILN_ID, KILN_ID, -HUGE_VAL, HUGE_VAL)
KILN_CLIP_DEF(f16, uint16_t, float, kiln_f16_to_f32, kiln_f32_to_f16, -HUGE_VALF, HUGE_VALF)
KILN_CLIP_DEF(bf16, uint16_t, float, kiln_bf16_to_f32, kiln_f32_to_bf16, -HUGE_VALF, HUGE_VALF)
KILN_CLIP_DEF(i8, int8_t, int8_t, KILN_ID, KILN_ID, INT8_MIN, INT8_MAX)
KILN_CLIP_DEF(i16, int16_t, int16_t, KILN_ID, KILN_ID, INT16_MIN, INT16_MAX)
KILN_CLIP_DEF(i32, int32_t, int32_t, KILN_ID, KILN_ID, INT32_MIN, INT32_MAX)
KILN_CLIP_DEF(i64, int64_t, int64_t, KILN_ID, KILN_ID, INT64_MIN, INT64_MAX)
KILN_CLIP_DEF(u8, uint8_t, uint8_t, KILN_ID, KILN_ID, 0, UINT8_MAX)
KILN_CLIP_DEF(u16, uint16_t, uint16_t, KILN_ID, KILN_ID, 0, UINT16_MAX)
KILN_CLIP_DEF(u32, uint32_t, uint32_t, KILN_ID, KILN_ID, 0, UINT32_MAX)
KILN_CLIP_DEF(u64, uint64_t, uint64_t, KILN_ID, KILN_ID, 0, UINT64_MAX)
