#include "kiln_conv3d.h"

static float kiln_conv3d_fin(float v, const float *bias, int32_t m, int32_t act, float lo, float hi)
{
    if (bias) v += bias[m];
    if (act == KILN_ACT_RELU) return v < 0.0f ? 0.0f : v;
    if (act == KILN_ACT_CLIP) return v < lo ? lo : (v > hi ? hi : v);
    return v;
}

/* Positions o in [*lo, *hi) (o < n) with o*S + off in [0, size). */
static void kiln_conv3d_range(int32_t off, int32_t S, int32_t size, int32_t n, int32_t *lo, int32_t *hi)
{
    int32_t a = 0, b;
    if (off < 0) a = (-off + S - 1) / S;
    if (size - off <= 0) b = 0;
    else b = (size - off + S - 1) / S;
    if (b > n) b = n;
    if (a > b) a = b;
    *lo = a;
    *hi = b;
}

#define KILN_CONV3_PARAMS                                                                                      \
    const int32_t N = p[KILN_CONV3_N], C = p[KILN_CONV3_C], D = p[KILN_CONV3_D], H = p[KILN_CONV3_H];          \
    const int32_t W = p[KILN_CONV3_W], M = p[KILN_CONV3_M], OD = p[KILN_CONV3_OD], OH = p[KILN_CONV3_OH];      \
    const int32_t OW = p[KILN_CONV3_OW], KD = p[KILN_CONV3_KD], KH = p[KILN_CONV3_KH], KW = p[KILN_CONV3_KW];  \
    const int32_t SD = p[KILN_CONV3_SD], SH = p[KILN_CONV3_SH], SW = p[KILN_CONV3_SW];                         \
    const int32_t DD = p[KILN_CONV3_DD], DH = p[KILN_CONV3_DH], DW = p[KILN_CONV3_DW];                         \
    const int32_t PD = p[KILN_CONV3_PD], PH = p[KILN_CONV3_PH], PW = p[KILN_CONV3_PW];                         \
    const int32_t G = p[KILN_CONV3_GROUP], act = p[KILN_CONV3_ACT];                                            \
    const int32_t CG = C / G, MG = M / G;                                                                      \
    const size_t ksz = (size_t)KD * KH * KW, isz = (size_t)D * H * W, osz = (size_t)OD * OH * OW

void kiln_conv3d_f32(const float *x, const float *w, const float *bias, float *y, const int32_t *p, float act_min,
                     float act_max)
{
    KILN_CONV3_PARAMS;
    int32_t n, m, od, oh, ow, c, kd, kh, kw;
    for (n = 0; n < N; n++) {
        for (m = 0; m < M; m++) {
            const int32_t g = m / MG;
            const float *wm = w + (size_t)m * CG * ksz;
            const float *xg = x + ((size_t)n * C + (size_t)g * CG) * isz;
            float *ym = y + ((size_t)n * M + m) * osz;
            for (od = 0; od < OD; od++) {
                const int32_t id0 = od * SD - PD;
                int32_t kd0, kd1;
                kiln_conv3d_range(id0, DD, D, KD, &kd0, &kd1);
                for (oh = 0; oh < OH; oh++) {
                    const int32_t ih0 = oh * SH - PH;
                    float *yr = ym + ((size_t)od * OH + oh) * OW;
                    int32_t kh0, kh1;
                    kiln_conv3d_range(ih0, DH, H, KH, &kh0, &kh1);
                    for (ow = 0; ow < OW; ow++) yr[ow] = 0.0f;
                    for (c = 0; c < CG; c++) {
                        for (kd = kd0; kd < kd1; kd++) {
                            for (kh = kh0; kh < kh1; kh++) {
                                const float *xr = xg + (size_t)c * isz + ((size_t)(id0 + kd * DD) * H + (size_t)(ih0 + kh * DH)) * W;
                                const float *wr = wm + (size_t)c * ksz + ((size_t)kd * KH + kh) * KW;
                                for (kw = 0; kw < KW; kw++) {
                                    const float wv = wr[kw];
                                    const int32_t off = kw * DW - PW;
                                    int32_t lo, hi;
                                    kiln_conv3d_range(off, SW, W, OW, &lo, &hi);
                                    for (ow = lo; ow < hi; ow++) yr[ow] += xr[ow * SW + off] * wv;
                                }
                            }
                        }
                    }
                    for (ow = 0; ow < OW; ow++) yr[ow] = kiln_conv3d_fin(yr[ow], bias, m, act, act_min, act_max);
                }
            }
        }
    }
}

/* For output position o: is tap k valid, and which input index does it read? */
static int kiln_convt_tap(int32_t o, int32_t k, int32_t P, int32_t S, int32_t Dil, int32_t size, int32_t *i)
{
    const int32_t t = o + P - k * Dil;
    if (t < 0 || t % S != 0) return 0;
    *i = t / S;
    return *i < size;
}

void kiln_convtranspose_f32(const float *x, const float *w, const float *bias, float *y, const int32_t *p,
                            float act_min, float act_max)
{
    KILN_CONV3_PARAMS;
    int32_t n, m, od, oh, ow, c, kd, kh, kw, id, ih, iw;
    for (n = 0; n < N; n++) {
        for (m = 0; m < M; m++) {
            const int32_t g = m / MG, mm = m % MG;
            float *ym = y + ((size_t)n * M + m) * osz;
            for (od = 0; od < OD; od++) {
                for (oh = 0; oh < OH; oh++) {
                    for (ow = 0; ow < OW; ow++) {
                        float acc = 0.0f;
                        for (c = 0; c < CG; c++) {
                            const size_t ci = (size_t)g * CG + c;
                            const float *xc = x + ((size_t)n * C + ci) * isz;
                            const float *wc = w + (ci * MG + (size_t)mm) * ksz;
                            for (kd = 0; kd < KD; kd++) {
                                if (!kiln_convt_tap(od, kd, PD, SD, DD, D, &id)) continue;
                                for (kh = 0; kh < KH; kh++) {
                                    if (!kiln_convt_tap(oh, kh, PH, SH, DH, H, &ih)) continue;
                                    for (kw = 0; kw < KW; kw++) {
                                        if (!kiln_convt_tap(ow, kw, PW, SW, DW, W, &iw)) continue;
                                        acc += xc[((size_t)id * H + ih) * W + iw] * wc[((size_t)kd * KH + kh) * KW + kw];
                                    }
                                }
                            }
                        }
                        ym[((size_t)od * OH + oh) * OW + ow] = kiln_conv3d_fin(acc, bias, m, act, act_min, act_max);
                    }
                }
            }
        }
    }
}
