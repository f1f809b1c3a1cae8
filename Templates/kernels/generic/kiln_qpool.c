#include "kiln_qpool.h"

/* Loops over output pixels; for each, the tap ranges [kh0, kh1) x [kw0, kw1) inside the image, then BODY per
 * channel with xw = the window's first tap row/column base pointer. */
#define KILN_QPOOL_LOOP(T, ...)                                                                                \
    const int32_t N = p[KILN_QP_N], H = p[KILN_QP_H], W = p[KILN_QP_W], C = p[KILN_QP_C];                       \
    const int32_t OH = p[KILN_QP_OH], OW = p[KILN_QP_OW], KH = p[KILN_QP_KH], KW = p[KILN_QP_KW];               \
    const int32_t SH = p[KILN_QP_SH], SW = p[KILN_QP_SW], DH = p[KILN_QP_DH], DW = p[KILN_QP_DW];               \
    const int32_t PT = p[KILN_QP_PT], PL = p[KILN_QP_PL], PB = p[KILN_QP_PB], PR = p[KILN_QP_PR];              \
    const int32_t zx = p[KILN_QP_XZP], zy = p[KILN_QP_YZP], lo = p[KILN_QP_LO], hi = p[KILN_QP_HI];             \
    int32_t n, oh, ow, c, kh, kw;                                                                               \
    T *yp = y;                                                                                                  \
    (void)zx; (void)PB; (void)PR;                                                                               \
    for (n = 0; n < N; n++) {                                                                                   \
        const T *xn = x + (size_t)n * (size_t)H * (size_t)W * (size_t)C;                                        \
        for (oh = 0; oh < OH; oh++) {                                                                           \
            const int32_t ih0 = oh * SH - PT;                                                                   \
            int32_t kh0 = 0, kh1 = KH;                                                                          \
            while (kh0 < KH && ih0 + kh0 * DH < 0) kh0++;                                                       \
            while (kh1 > kh0 && ih0 + (kh1 - 1) * DH >= H) kh1--;                                              \
            for (ow = 0; ow < OW; ow++) {                                                                       \
                const int32_t iw0 = ow * SW - PL;                                                               \
                int32_t kw0 = 0, kw1 = KW;                                                                      \
                while (kw0 < KW && iw0 + kw0 * DW < 0) kw0++;                                                   \
                while (kw1 > kw0 && iw0 + (kw1 - 1) * DW >= W) kw1--;                                          \
                for (c = 0; c < C; c++, yp++) {                                                                 \
                    __VA_ARGS__                                                                                      \
                }                                                                                               \
            }                                                                                                   \
        }                                                                                                       \
    }

#define KILN_QPOOL_TAP(T) xn[((size_t)(ih0 + kh * DH) * (size_t)W + (size_t)(iw0 + kw * DW)) * (size_t)C + (size_t)c]

/* taps of the window inside the padded image (count_include_pad) */
static int32_t kiln_qpool_padded_count(int32_t i0, int32_t k, int32_t d, int32_t size, int32_t pad_end)
{
    int32_t j, count = 0;
    for (j = 0; j < k; j++) {
        const int32_t i = i0 + j * d;
        if (i < size + pad_end) count++;
    }
    return count;
}

#define KILN_QPOOL_DEF(S, T)                                                                                     \
    void kiln_qavgpool_##S(const T *x, T *y, const int32_t *mult, const int32_t *shift, const int32_t *p)       \
    {                                                                                                            \
        const int32_t include_pad = p[KILN_QP_INCLUDE_PAD], table = p[KILN_QP_TABLE];                            \
        KILN_QPOOL_LOOP(T, {                                                                                     \
            int32_t sum = 0, count, i;                                                                           \
            for (kh = kh0; kh < kh1; kh++)                                                                       \
                for (kw = kw0; kw < kw1; kw++) sum += (int32_t)KILN_QPOOL_TAP(T) - zx;                          \
            count = include_pad ? kiln_qpool_padded_count(ih0, KH, DH, H, PB) * kiln_qpool_padded_count(iw0, KW, DW, W, PR) \
                                : (kh1 - kh0) * (kw1 - kw0);                                                     \
            i = table ? count - 1 : 0;                                                                           \
            *yp = (T)kiln_clamp_i32(count > 0 ? kiln_requant(sum, mult[i], shift[i]) + zy : zy, lo, hi);         \
        })                                                                                                       \
    }                                                                                                            \
    void kiln_qmaxpool_##S(const T *x, T *y, const int32_t *mult, const int32_t *shift, const int32_t *p)       \
    {                                                                                                            \
        KILN_QPOOL_LOOP(T, {                                                                                     \
            int32_t best = INT32_MIN, v;                                                                         \
            for (kh = kh0; kh < kh1; kh++)                                                                       \
                for (kw = kw0; kw < kw1; kw++) {                                                                 \
                    v = (int32_t)KILN_QPOOL_TAP(T);                                                              \
                    if (v > best) best = v;                                                                      \
                }                                                                                                \
            if (best == INT32_MIN) v = zy;                                                                       \
            else if (mult) v = kiln_requant(best - zx, mult[0], shift[0]) + zy;                                  \
            else v = best;                                                                                       \
            *yp = (T)kiln_clamp_i32(v, lo, hi);                                                                  \
        })                                                                                                       \
    }

KILN_QPOOL_DEF(s8, int8_t)
KILN_QPOOL_DEF(u8, uint8_t)
KILN_QPOOL_DEF(s16, int16_t)
