#include "kiln_conv2d.h"

static float kiln_conv2d_act(float v, int32_t act, float lo, float hi)
{
    if (act == KILN_ACT_RELU) return v < 0.0f ? 0.0f : v;
    if (act == KILN_ACT_CLIP) return v < lo ? lo : (v > hi ? hi : v);
    return v;
}

void kiln_conv2d_f32(const float *x, const float *w, const float *bias, float *y, const int32_t *p, float act_min,
                     float act_max)
{
    const int32_t N = p[KILN_CONV_N], C = p[KILN_CONV_C], H = p[KILN_CONV_H], W = p[KILN_CONV_W];
    const int32_t M = p[KILN_CONV_M], OH = p[KILN_CONV_OH], OW = p[KILN_CONV_OW];
    const int32_t KH = p[KILN_CONV_KH], KW = p[KILN_CONV_KW], SH = p[KILN_CONV_SH], SW = p[KILN_CONV_SW];
    const int32_t DH = p[KILN_CONV_DH], DW = p[KILN_CONV_DW], PT = p[KILN_CONV_PT], PL = p[KILN_CONV_PL];
    const int32_t G = p[KILN_CONV_GROUP], act = p[KILN_CONV_ACT];
    const int32_t CG = C / G, MG = M / G;
    int32_t n, m, oh, ow, c, kh, kw;
    for (n = 0; n < N; n++) {
        for (m = 0; m < M; m++) {
            const int32_t g = m / MG;
            const float *wm = w + (size_t)m * CG * KH * KW;
            const float b = bias ? bias[m] : 0.0f;
            float *ym = y + ((size_t)n * M + m) * OH * OW;
            for (oh = 0; oh < OH; oh++) {
                const int32_t ih0 = oh * SH - PT;
                /* kernel rows that land inside the image */
                int32_t kh0 = 0, kh1 = KH;
                while (kh0 < KH && ih0 + kh0 * DH < 0) kh0++;
                while (kh1 > kh0 && ih0 + (kh1 - 1) * DH >= H) kh1--;
                for (ow = 0; ow < OW; ow++) {
                    const int32_t iw0 = ow * SW - PL;
                    int32_t kw0 = 0, kw1 = KW;
                    float acc = b;
                    while (kw0 < KW && iw0 + kw0 * DW < 0) kw0++;
                    while (kw1 > kw0 && iw0 + (kw1 - 1) * DW >= W) kw1--;
                    for (c = 0; c < CG; c++) {
                        const float *xc = x + (((size_t)n * C + (size_t)g * CG + c) * H) * W;
                        const float *wc = wm + (size_t)c * KH * KW;
                        for (kh = kh0; kh < kh1; kh++) {
                            const float *xr = xc + (size_t)(ih0 + kh * DH) * W + iw0;
                            const float *wr = wc + (size_t)kh * KW;
                            for (kw = kw0; kw < kw1; kw++) acc += xr[kw * DW] * wr[kw];
                        }
                    }
                    ym[oh * OW + ow] = kiln_conv2d_act(acc, act, act_min, act_max);
                }
            }
        }
    }
}
