#include "kiln_pool.h"
#include <math.h>

/* First and one-past-last kernel tap whose position start + k*dil lies in [0, size). */
static void kiln_pool_taps(int32_t start, int32_t dil, int32_t k, int32_t size, int32_t *k0, int32_t *k1)
{
    int32_t a = 0, b;
    if (start < 0) a = (-start + dil - 1) / dil;
    if (size - start <= 0) b = 0;
    else b = (size - start + dil - 1) / dil;
    if (b > k) b = k;
    if (a > b) a = b;
    *k0 = a;
    *k1 = b;
}

/* Taps of the window inside [-pb, size + pe), for count_include_pad. */
static int32_t kiln_pool_padded_taps(int32_t start, int32_t dil, int32_t k, int32_t size, int32_t pb, int32_t pe)
{
    int32_t k0, k1;
    kiln_pool_taps(start + pb, dil, k, size + pb + pe, &k0, &k1);
    return k1 - k0;
}

/* The loop nest shared by every pool: binds base (plane offset), xd/xh/xw starts, kd0..kw1 bounds and `out`. */
#define KILN_POOL_LOOPS(BODY)                                                                             \
    const int32_t P = p[KILN_PL_PLANES], D = p[KILN_PL_D], H = p[KILN_PL_H], W = p[KILN_PL_W];    \
    const int32_t OD = p[KILN_PL_OD], OH = p[KILN_PL_OH], OW = p[KILN_PL_OW];                       \
    const int32_t KD = p[KILN_PL_KD], KH = p[KILN_PL_KH], KW = p[KILN_PL_KW];                       \
    const int32_t SD = p[KILN_PL_SD], SH = p[KILN_PL_SH], SW = p[KILN_PL_SW];                       \
    const int32_t DD = p[KILN_PL_DD], DH = p[KILN_PL_DH], DW = p[KILN_PL_DW];                       \
    const int32_t PD = p[KILN_PL_PD], PH = p[KILN_PL_PH], PW = p[KILN_PL_PW];                       \
    const size_t plane = (size_t)D * (size_t)H * (size_t)W;                                               \
    size_t out = 0;                                                                                       \
    int32_t c, od, oh, ow, kd, kh, kw;                                                                    \
    for (c = 0; c < P; c++) {                                                                             \
        const size_t base = (size_t)c * plane;                                                            \
        for (od = 0; od < OD; od++) {                                                                     \
            const int32_t xd = od * SD - PD;                                                              \
            int32_t kd0, kd1;                                                                             \
            kiln_pool_taps(xd, DD, KD, D, &kd0, &kd1);                                                    \
            for (oh = 0; oh < OH; oh++) {                                                                 \
                const int32_t xh = oh * SH - PH;                                                          \
                int32_t kh0, kh1;                                                                         \
                kiln_pool_taps(xh, DH, KH, H, &kh0, &kh1);                                                \
                for (ow = 0; ow < OW; ow++, out++) {                                                      \
                    const int32_t xw = ow * SW - PW;                                                      \
                    int32_t kw0, kw1;                                                                     \
                    kiln_pool_taps(xw, DW, KW, W, &kw0, &kw1);                                            \
                    BODY                                                                                  \
                }                                                                                         \
            }                                                                                             \
        }                                                                                                 \
    }

#define KILN_POOL_ROW(d, h) (x + base + ((size_t)(d) * (size_t)H + (size_t)(h)) * (size_t)W)

#define KILN_POOL_MAX_DEF(SFX, T, V, LD, ST, LOWEST)                                                     \
    void kiln_maxpool_##SFX(const T *x, T *y, int64_t *indices, const int32_t *p)                        \
    {                                                                                                    \
        const int32_t col = p[KILN_PL_FLAG];                                                           \
        KILN_POOL_LOOPS({                                                                                \
            V m = LOWEST;                                                                                \
            int64_t at = -1;                                                                             \
            for (kd = kd0; kd < kd1; kd++) {                                                             \
                const int32_t id = xd + kd * DD;                                                         \
                for (kh = kh0; kh < kh1; kh++) {                                                         \
                    const int32_t ih = xh + kh * DH;                                                     \
                    const T *row = KILN_POOL_ROW(id, ih);                                                \
                    for (kw = kw0; kw < kw1; kw++) {                                                     \
                        const int32_t iw = xw + kw * DW;                                                 \
                        const V v = LD(row[iw]);                                                         \
                        if (v > m || at < 0) {                                                           \
                            if (v == v || at < 0) {                                                      \
                                m = v == v ? v : m;                                                      \
                                at = col ? (int64_t)c * (int64_t)plane + id + (int64_t)ih * D +          \
                                               (int64_t)iw * D * H                                       \
                                         : (int64_t)c * (int64_t)plane +                                 \
                                               ((int64_t)id * H + ih) * (int64_t)W + iw;                 \
                            }                                                                            \
                        }                                                                                \
                    }                                                                                    \
                }                                                                                        \
            }                                                                                            \
            y[out] = ST(m);                                                                              \
            if (indices) indices[out] = at;                                                              \
        })                                                                                               \
    }

#define KILN_POOL_FLOAT_DEF(SFX, T, V, LD, ST, POW, ABS)                                                 \
    KILN_POOL_MAX_DEF(SFX, T, V, LD, ST, -(V)INFINITY)                                                   \
    void kiln_avgpool_##SFX(const T *x, T *y, const int32_t *p)                                          \
    {                                                                                                    \
        const int32_t incl = p[KILN_PL_FLAG];                                                          \
        const int32_t ED = p[KILN_PL_ED], EH = p[KILN_PL_EH], EW = p[KILN_PL_EW];                  \
        KILN_POOL_LOOPS({                                                                                \
            V s = 0;                                                                                     \
            int32_t count;                                                                               \
            for (kd = kd0; kd < kd1; kd++) {                                                             \
                for (kh = kh0; kh < kh1; kh++) {                                                         \
                    const T *row = KILN_POOL_ROW(xd + kd * DD, xh + kh * DH);                            \
                    for (kw = kw0; kw < kw1; kw++) s += LD(row[xw + kw * DW]);                           \
                }                                                                                        \
            }                                                                                            \
            if (incl)                                                                                    \
                count = kiln_pool_padded_taps(xd, DD, KD, D, PD, ED) *                                   \
                        kiln_pool_padded_taps(xh, DH, KH, H, PH, EH) *                                   \
                        kiln_pool_padded_taps(xw, DW, KW, W, PW, EW);                                    \
            else                                                                                         \
                count = (kd1 - kd0) * (kh1 - kh0) * (kw1 - kw0);                                         \
            y[out] = ST(count > 0 ? s / (V)count : (V)0);                                                \
        })                                                                                               \
    }                                                                                                    \
    void kiln_lppool_##SFX(const T *x, T *y, const int32_t *p, float pw)                                 \
    {                                                                                                    \
        const V e = (V)pw, inv = (V)1 / (V)pw;                                                           \
        KILN_POOL_LOOPS({                                                                                \
            V s = 0;                                                                                     \
            for (kd = kd0; kd < kd1; kd++) {                                                             \
                for (kh = kh0; kh < kh1; kh++) {                                                         \
                    const T *row = KILN_POOL_ROW(xd + kd * DD, xh + kh * DH);                            \
                    for (kw = kw0; kw < kw1; kw++) s += POW(ABS(LD(row[xw + kw * DW])), e);              \
                }                                                                                        \
            }                                                                                            \
            y[out] = ST(POW(s, inv));                                                                    \
        })                                                                                               \
    }

#define KILN_POOL_ID(v) (v)
KILN_POOL_FLOAT_DEF(f32, float, float, KILN_POOL_ID, KILN_POOL_ID, powf, fabsf)
KILN_POOL_FLOAT_DEF(f64, double, double, KILN_POOL_ID, KILN_POOL_ID, pow, fabs)
KILN_POOL_FLOAT_DEF(f16, uint16_t, float, kiln_f16_to_f32, kiln_f32_to_f16, powf, fabsf)
KILN_POOL_FLOAT_DEF(bf16, uint16_t, float, kiln_bf16_to_f32, kiln_f32_to_bf16, powf, fabsf)
KILN_POOL_MAX_DEF(i8, int8_t, int32_t, KILN_POOL_ID, (int8_t), INT8_MIN)
KILN_POOL_MAX_DEF(u8, uint8_t, int32_t, KILN_POOL_ID, (uint8_t), 0)
