#include "kiln_qtable.h"

#define KILN_QTABLE_DEF(NAME, XT, YT, OFF)                          \
    void NAME(const XT *x, YT *y, const YT *table, int32_t n)      \
    {                                                              \
        int32_t i;                                                 \
        for (i = 0; i < n; i++) y[i] = table[(int32_t)x[i] + OFF]; \
    }
KILN_QTABLE_DEF(kiln_qtable_s8_s8, int8_t, int8_t, 128)
KILN_QTABLE_DEF(kiln_qtable_s8_u8, int8_t, uint8_t, 128)
KILN_QTABLE_DEF(kiln_qtable_u8_s8, uint8_t, int8_t, 0)
KILN_QTABLE_DEF(kiln_qtable_u8_u8, uint8_t, uint8_t, 0)

#define KILN_REQUANTIZE_ONE(XS, XT, YS, YT)                                                                     \
    void kiln_requantize_##XS##_##YS(const XT *x, YT *y, const int32_t *p)                                      \
    {                                                                                                           \
        const int32_t outer = p[KILN_RQ_OUTER], inner = p[KILN_RQ_INNER], ys = p[KILN_RQ_YSTRIDE];              \
        const int32_t yo = p[KILN_RQ_YOFFSET], zx = p[KILN_RQ_XZP], zy = p[KILN_RQ_YZP];                        \
        const int32_t m = p[KILN_RQ_MULT], sh = p[KILN_RQ_SHIFT], lo = p[KILN_RQ_LO], hi = p[KILN_RQ_HI];      \
        int32_t o, i;                                                                                           \
        for (o = 0; o < outer; o++) {                                                                           \
            const XT *xr = x + (size_t)o * (size_t)inner;                                                       \
            YT *yr = y + (size_t)o * (size_t)ys + (size_t)yo;                                                   \
            if (m == 0 && sh == 0)                                                                              \
                for (i = 0; i < inner; i++) yr[i] = (YT)kiln_clamp_i32((int32_t)xr[i] - zx + zy, lo, hi);      \
            else                                                                                                \
                for (i = 0; i < inner; i++)                                                                     \
                    yr[i] = (YT)kiln_clamp_i32(kiln_requant((int32_t)xr[i] - zx, m, sh) + zy, lo, hi);          \
        }                                                                                                       \
    }
#define KILN_REQUANTIZE_DEF(XS, XT)                    \
    KILN_REQUANTIZE_ONE(XS, XT, s8, int8_t)            \
    KILN_REQUANTIZE_ONE(XS, XT, u8, uint8_t)           \
    KILN_REQUANTIZE_ONE(XS, XT, s16, int16_t)          \
    KILN_REQUANTIZE_ONE(XS, XT, u16, uint16_t)
KILN_REQUANTIZE_DEF(s8, int8_t)
KILN_REQUANTIZE_DEF(u8, uint8_t)
KILN_REQUANTIZE_DEF(s16, int16_t)
KILN_REQUANTIZE_DEF(u16, uint16_t)
