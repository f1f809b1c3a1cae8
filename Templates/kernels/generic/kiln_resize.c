#include "kiln_resize.h"

/* Round half to even after saturating to [lo, hi] (both integers); NaN becomes 0. */
static double kiln_resize_round(double v, double lo, double hi)
{
    int64_t i;
    double frac;
    if (v != v) return 0;
    if (v < lo) v = lo;
    if (v > hi) v = hi;
    i = (int64_t)v;
    frac = v - (double)i;
    if (frac > 0.5 || (frac == 0.5 && (i & 1))) i++;
    else if (frac < -0.5 || (frac == -0.5 && (i & 1))) i--;
    return (double)i;
}

#define KILN_RESIZE_DEF(SUF, T, ACC, LOAD, STORE)                                                               \
    void kiln_resize_##SUF(const T *x, T *y, int32_t rank, const int32_t *shape, const int32_t *taps,           \
                           const int32_t *offsets, const float *weights, float extrapolation)                   \
    {                                                                                                           \
        const int32_t *otab[KILN_MAX_RANK];                                                                     \
        const float *wtab[KILN_MAX_RANK];                                                                       \
        const int32_t *op[KILN_MAX_RANK];                                                                       \
        const float *wp[KILN_MAX_RANK];                                                                         \
        int32_t idx[KILN_MAX_RANK], t[KILN_MAX_RANK];                                                           \
        int32_t total = 1, e, d;                                                                                \
        if (rank <= 0 || rank > KILN_MAX_RANK) return;                                                          \
        for (d = 0; d < rank; d++) {                                                                            \
            if (shape[d] <= 0 || taps[d] <= 0) return;                                                          \
            otab[d] = offsets;                                                                                  \
            wtab[d] = weights;                                                                                  \
            offsets += shape[d] * taps[d];                                                                      \
            weights += shape[d] * taps[d];                                                                      \
            idx[d] = 0;                                                                                         \
            total *= shape[d];                                                                                  \
        }                                                                                                       \
        for (e = 0; e < total; e++) {                                                                           \
            int outside = 0;                                                                                    \
            for (d = 0; d < rank; d++) {                                                                        \
                op[d] = otab[d] + idx[d] * taps[d];                                                             \
                wp[d] = wtab[d] + idx[d] * taps[d];                                                             \
                if (op[d][0] < 0) outside = 1;                                                                  \
                t[d] = 0;                                                                                       \
            }                                                                                                   \
            if (outside) {                                                                                      \
                y[e] = STORE((ACC)extrapolation);                                                               \
            } else {                                                                                            \
                ACC acc = 0;                                                                                    \
                for (;;) {                                                                                      \
                    int32_t off = 0;                                                                            \
                    ACC w = 1;                                                                                  \
                    for (d = 0; d < rank; d++) {                                                                \
                        off += op[d][t[d]];                                                                     \
                        w *= (ACC)wp[d][t[d]];                                                                  \
                    }                                                                                           \
                    if (w != 0) acc += w * (ACC)LOAD(x[off]);                                                   \
                    for (d = rank - 1; d >= 0; d--) {                                                           \
                        if (++t[d] < taps[d]) break;                                                            \
                        t[d] = 0;                                                                               \
                    }                                                                                           \
                    if (d < 0) break;                                                                           \
                }                                                                                               \
                y[e] = STORE(acc);                                                                              \
            }                                                                                                   \
            for (d = rank - 1; d >= 0; d--) {                                                                   \
                if (++idx[d] < shape[d]) break;                                                                 \
                idx[d] = 0;                                                                                     \
            }                                                                                                   \
        }                                                                                                       \
    }

#define KILN_RS_ID(v) (v)
#define KILN_RS_TO_F32(v) ((float)(v))
#define KILN_RS_TO_F16(v) kiln_f32_to_f16(v)
#define KILN_RS_TO_BF16(v) kiln_f32_to_bf16(v)
#define KILN_RS_TO_I8(v) ((int8_t)kiln_resize_round((v), -128.0, 127.0))
#define KILN_RS_TO_U8(v) ((uint8_t)kiln_resize_round((v), 0.0, 255.0))
#define KILN_RS_TO_I16(v) ((int16_t)kiln_resize_round((v), -32768.0, 32767.0))
#define KILN_RS_TO_U16(v) ((uint16_t)kiln_resize_round((v), 0.0, 65535.0))
#define KILN_RS_TO_I32(v) ((int32_t)kiln_resize_round((v), -2147483648.0, 2147483647.0))
#define KILN_RS_TO_U32(v) ((uint32_t)kiln_resize_round((v), 0.0, 4294967295.0))

KILN_RESIZE_DEF(f32, float, float, KILN_RS_ID, KILN_RS_TO_F32)
KILN_RESIZE_DEF(f64, double, double, KILN_RS_ID, KILN_RS_ID)
KILN_RESIZE_DEF(f16, uint16_t, float, kiln_f16_to_f32, KILN_RS_TO_F16)
KILN_RESIZE_DEF(bf16, uint16_t, float, kiln_bf16_to_f32, KILN_RS_TO_BF16)
KILN_RESIZE_DEF(i8, int8_t, double, KILN_RS_ID, KILN_RS_TO_I8)
KILN_RESIZE_DEF(u8, uint8_t, double, KILN_RS_ID, KILN_RS_TO_U8)
KILN_RESIZE_DEF(i16, int16_t, double, KILN_RS_ID, KILN_RS_TO_I16)
KILN_RESIZE_DEF(u16, uint16_t, double, KILN_RS_ID, KILN_RS_TO_U16)
KILN_RESIZE_DEF(i32, int32_t, double, KILN_RS_ID, KILN_RS_TO_I32)
KILN_RESIZE_DEF(u32, uint32_t, double, KILN_RS_ID, KILN_RS_TO_U32)
