#include "kiln_deform_conv.h"
#include <math.h>

#define KILN_DC_ID(v) (v)

#define KILN_DEFORM_CONV_DEF(SUF, T, CT, LD, ST, FLOOR)                                                         \
    static CT kiln_dc_sample_##SUF(const T *img, int32_t H, int32_t W, CT h, CT v)                              \
    {                                                                                                           \
        CT fh, fv, th, tv, acc = 0;                                                                             \
        int32_t h0, v0, a, b;                                                                                   \
        if (!(h > (CT)-2 && h < (CT)H + 1 && v > (CT)-2 && v < (CT)W + 1)) return 0;                            \
        fh = FLOOR(h);                                                                                          \
        fv = FLOOR(v);                                                                                          \
        th = h - fh;                                                                                            \
        tv = v - fv;                                                                                            \
        h0 = (int32_t)fh;                                                                                       \
        v0 = (int32_t)fv;                                                                                       \
        for (a = 0; a < 2; a++)                                                                                 \
            for (b = 0; b < 2; b++) {                                                                           \
                const int32_t hh = h0 + a, vv = v0 + b;                                                         \
                if (hh < 0 || hh >= H || vv < 0 || vv >= W) continue;                                          \
                acc += (a ? th : 1 - th) * (b ? tv : 1 - tv) * LD(img[(size_t)hh * (size_t)W + (size_t)vv]);   \
            }                                                                                                   \
        return acc;                                                                                             \
    }                                                                                                           \
    void kiln_deform_conv_##SUF(const T *x, const T *w, const T *offset, const T *bias, const T *mask, T *y,    \
                                const int32_t *p)                                                               \
    {                                                                                                           \
        const int32_t N = p[KILN_DC_N], C = p[KILN_DC_C], H = p[KILN_DC_H], W = p[KILN_DC_W];                 \
        const int32_t OC = p[KILN_DC_OC], OH = p[KILN_DC_OH], OW = p[KILN_DC_OW];                              \
        const int32_t KH = p[KILN_DC_KH], KW = p[KILN_DC_KW], G = p[KILN_DC_GROUP], OG = p[KILN_DC_OGROUP];    \
        const int32_t cpg = C / G, opg = OC / G, cpog = C / OG;                                                 \
        const size_t plane = (size_t)OH * (size_t)OW;                                                           \
        int32_t n, o, c, i, j, a, b;                                                                            \
        if (G <= 0 || OG <= 0 || cpg <= 0 || opg <= 0 || cpog <= 0) return;                                     \
        for (n = 0; n < N; n++)                                                                                 \
            for (o = 0; o < OC; o++) {                                                                          \
                const int32_t grp = o / opg;                                                                    \
                for (i = 0; i < OH; i++)                                                                        \
                    for (j = 0; j < OW; j++) {                                                                  \
                        CT acc = bias ? LD(bias[o]) : (CT)0;                                                    \
                        const size_t pix = (size_t)i * (size_t)OW + (size_t)j;                                  \
                        for (c = grp * cpg; c < (grp + 1) * cpg; c++) {                                         \
                            const int32_t g = c / cpog;                                                         \
                            const T *img = x + ((size_t)n * (size_t)C + (size_t)c) * (size_t)H * (size_t)W;     \
                            for (a = 0; a < KH; a++)                                                            \
                                for (b = 0; b < KW; b++) {                                                      \
                                    const size_t tap = ((size_t)g * (size_t)KH + (size_t)a) * (size_t)KW + (size_t)b; \
                                    const size_t ob = ((size_t)n * (size_t)OG * (size_t)KH * (size_t)KW + tap) * 2; \
                                    const CT dh = LD(offset[ob * plane + pix]);                                 \
                                    const CT dv = LD(offset[(ob + 1) * plane + pix]);                           \
                                    const CT m = mask ? LD(mask[((size_t)n * (size_t)OG * (size_t)KH *          \
                                                                     (size_t)KW + tap) * plane + pix])          \
                                                      : (CT)1;                                                  \
                                    const CT hh = (CT)(i * p[KILN_DC_SH] - p[KILN_DC_PH] + a * p[KILN_DC_DH]) + dh; \
                                    const CT vv = (CT)(j * p[KILN_DC_SW] - p[KILN_DC_PW] + b * p[KILN_DC_DW]) + dv; \
                                    const CT wt = LD(w[(((size_t)o * (size_t)cpg + (size_t)(c - grp * cpg)) *   \
                                                            (size_t)KH + (size_t)a) * (size_t)KW + (size_t)b]); \
                                    acc += wt * m * kiln_dc_sample_##SUF(img, H, W, hh, vv);                    \
                                }                                                                               \
                        }                                                                                       \
                        y[((size_t)n * (size_t)OC + (size_t)o) * plane + pix] = ST(acc);                        \
                    }                                                                                           \
            }                                                                                                   \
    }

KILN_DEFORM_CONV_DEF(f32, float, float, KILN_DC_ID, KILN_DC_ID, floorf)
KILN_DEFORM_CONV_DEF(f64, double, double, KILN_DC_ID, KILN_DC_ID, floor)
KILN_DEFORM_CONV_DEF(f16, uint16_t, float, kiln_f16_to_f32, kiln_f32_to_f16, floorf)
KILN_DEFORM_CONV_DEF(bf16, uint16_t, float, kiln_bf16_to_f32, kiln_f32_to_bf16, floorf)
