#include "kiln_conv2d.h"
#include "kiln_gemm.h"

/* acc + bias (no addition without a bias, so -0.0f stays -0.0f as in the GEMM path), then the activation. */
static float kiln_conv2d_fin(float v, const float *bias, int32_t m, int32_t act, float lo, float hi)
{
    if (bias) v += bias[m];
    if (act == KILN_ACT_RELU) return v < 0.0f ? 0.0f : v;
    if (act == KILN_ACT_CLIP) return v < lo ? lo : (v > hi ? hi : v);
    return v;
}

/* Output positions o in [*lo, *hi) whose input position o*S + off lies in [0, size). */
static void kiln_conv2d_range(int32_t off, int32_t S, int32_t size, int32_t n_out, int32_t *lo, int32_t *hi)
{
    int32_t a = 0, b;
    if (off < 0) a = (-off + S - 1) / S;
    if (size - off <= 0) b = 0;
    else b = (size - off + S - 1) / S; /* smallest o with o*S + off >= size */
    if (b > n_out) b = n_out;
    if (a > b) a = b;
    *lo = a;
    *hi = b;
}

/* One output pixel with its own tap range (border pixels): taps (c, kh, kw) ascending, padding skipped. */
static float kiln_conv2d_pixel(const float *xg, const float *wm, int32_t cg, int32_t ow, int32_t ih0, int32_t kh0,
                               int32_t kh1, const int32_t *p)
{
    const int32_t H = p[KILN_CONV_H], W = p[KILN_CONV_W], KH = p[KILN_CONV_KH], KW = p[KILN_CONV_KW];
    const int32_t DH = p[KILN_CONV_DH], DW = p[KILN_CONV_DW];
    const int32_t iw0 = ow * p[KILN_CONV_SW] - p[KILN_CONV_PL];
    int32_t c, kh, kw, lo, hi;
    float acc = 0.0f;
    kiln_conv2d_range(iw0, DW, W, KW, &lo, &hi);
    for (c = 0; c < cg; c++) {
        const float *xc = xg + (size_t)c * H * W;
        const float *wc = wm + (size_t)c * KH * KW;
        for (kh = kh0; kh < kh1; kh++) {
            const float *xr = xc + (size_t)(ih0 + kh * DH) * W + iw0;
            const float *wr = wc + (size_t)kh * KW;
            for (kw = lo; kw < hi; kw++) acc += xr[kw * DW] * wr[kw];
        }
    }
    return acc;
}

/* One output plane (image n, output channel m). xg points at the group's first input channel, wm at the
 * channel's weights. Rows are split into border pixels (per-pixel tap ranges) and an interior where every kw tap
 * is inside the row; the interior runs four output pixels at a time with their accumulators in registers. */
static void kiln_conv2d_plane(const float *xg, const float *wm, const float *bias, int32_t m, int32_t cg,
                              float *ym, const int32_t *p, float act_min, float act_max)
{
    const int32_t H = p[KILN_CONV_H], W = p[KILN_CONV_W], OH = p[KILN_CONV_OH], OW = p[KILN_CONV_OW];
    const int32_t KH = p[KILN_CONV_KH], KW = p[KILN_CONV_KW], SH = p[KILN_CONV_SH], SW = p[KILN_CONV_SW];
    const int32_t DH = p[KILN_CONV_DH], DW = p[KILN_CONV_DW], PT = p[KILN_CONV_PT], PL = p[KILN_CONV_PL];
    const int32_t act = p[KILN_CONV_ACT];
    int32_t ilo, ihi, a2, b1, oh, ow, c, kh, kw;
    kiln_conv2d_range(-PL, SW, W, OW, &ilo, &b1);
    kiln_conv2d_range((KW - 1) * DW - PL, SW, W, OW, &a2, &ihi);
    if (ilo < a2) ilo = a2;
    if (ihi < ilo) ihi = ilo;
    for (oh = 0; oh < OH; oh++) {
        const int32_t ih0 = oh * SH - PT;
        float *yr = ym + (size_t)oh * OW;
        int32_t kh0, kh1;
        /* kernel rows that land inside the image: kh in [kh0, kh1) */
        kiln_conv2d_range(ih0, DH, H, KH, &kh0, &kh1);
        for (ow = 0; ow < ilo; ow++)
            yr[ow] = kiln_conv2d_fin(kiln_conv2d_pixel(xg, wm, cg, ow, ih0, kh0, kh1, p), bias, m, act, act_min,
                                     act_max);
        for (; ow + 4 <= ihi; ow += 4) {
            const int32_t iw0 = ow * SW - PL;
            float a0 = 0.0f, a1 = 0.0f, a2f = 0.0f, a3 = 0.0f;
            for (c = 0; c < cg; c++) {
                const float *xc = xg + (size_t)c * H * W + iw0;
                const float *wc = wm + (size_t)c * KH * KW;
                for (kh = kh0; kh < kh1; kh++) {
                    const float *xr = xc + (size_t)(ih0 + kh * DH) * W;
                    const float *wr = wc + (size_t)kh * KW;
                    for (kw = 0; kw < KW; kw++) {
                        const float wv = wr[kw];
                        const float *xs = xr + kw * DW;
                        a0 += xs[0] * wv;
                        a1 += xs[SW] * wv;
                        a2f += xs[2 * SW] * wv;
                        a3 += xs[3 * SW] * wv;
                    }
                }
            }
            yr[ow] = kiln_conv2d_fin(a0, bias, m, act, act_min, act_max);
            yr[ow + 1] = kiln_conv2d_fin(a1, bias, m, act, act_min, act_max);
            yr[ow + 2] = kiln_conv2d_fin(a2f, bias, m, act, act_min, act_max);
            yr[ow + 3] = kiln_conv2d_fin(a3, bias, m, act, act_min, act_max);
        }
        /* interior remainder and right border */
        for (; ow < OW; ow++)
            yr[ow] = kiln_conv2d_fin(kiln_conv2d_pixel(xg, wm, cg, ow, ih0, kh0, kh1, p), bias, m, act, act_min,
                                     act_max);
    }
}

void kiln_conv2d_f32(const float *x, const float *w, const float *bias, float *y, const int32_t *p, float act_min,
                     float act_max)
{
    const int32_t N = p[KILN_CONV_N], C = p[KILN_CONV_C], H = p[KILN_CONV_H], W = p[KILN_CONV_W];
    const int32_t M = p[KILN_CONV_M], OH = p[KILN_CONV_OH], OW = p[KILN_CONV_OW];
    const int32_t KH = p[KILN_CONV_KH], KW = p[KILN_CONV_KW], G = p[KILN_CONV_GROUP];
    const int32_t CG = C / G, MG = M / G;
    int32_t n, m;
    for (n = 0; n < N; n++)
        for (m = 0; m < M; m++)
            kiln_conv2d_plane(x + ((size_t)n * C + (size_t)(m / MG) * CG) * H * W, w + (size_t)m * CG * KH * KW,
                              bias, m, CG, y + ((size_t)n * M + m) * OH * OW, p, act_min, act_max);
}

void kiln_conv2d_pointwise_f32(const float *x, const float *w, const float *bias, float *y, const int32_t *p,
                               float act_min, float act_max)
{
    const int32_t N = p[KILN_CONV_N], C = p[KILN_CONV_C], M = p[KILN_CONV_M];
    const int32_t HW = p[KILN_CONV_OH] * p[KILN_CONV_OW];
    int32_t n;
    /* Y[n] (M x HW) = W (M x C) * X[n] (C x HW) + bias broadcast along rows: acc + 1.0f * bias[m] */
    for (n = 0; n < N; n++)
        kiln_gemm_f32(w, x + (size_t)n * C * HW, bias, y + (size_t)n * M * HW, M, HW, C, 0, 0, 1.0f, 1.0f,
                      1, 0, p[KILN_CONV_ACT], act_min, act_max);
}

void kiln_conv2d_depthwise_f32(const float *x, const float *w, const float *bias, float *y, const int32_t *p,
                               float act_min, float act_max)
{
    const int32_t N = p[KILN_CONV_N], C = p[KILN_CONV_C], H = p[KILN_CONV_H], W = p[KILN_CONV_W];
    const int32_t M = p[KILN_CONV_M], OH = p[KILN_CONV_OH], OW = p[KILN_CONV_OW];
    const int32_t KH = p[KILN_CONV_KH], KW = p[KILN_CONV_KW];
    const int32_t mult = M / C;
    int32_t n, m;
    /* one input channel per output channel: no channel loop, no group arithmetic */
    for (n = 0; n < N; n++)
        for (m = 0; m < M; m++)
            kiln_conv2d_plane(x + ((size_t)n * C + (size_t)(m / mult)) * H * W, w + (size_t)m * KH * KW, bias, m, 1,
                              y + ((size_t)n * M + m) * OH * OW, p, act_min, act_max);
}
