/* Body of the quantized convolution kernels (see kiln_qconv.h), included by kiln_qconv.c once per type
 * combination; deliberately without an include guard. Expects:
 *   KQ_FN  function name            KQ_SFX  suffix making the static helpers unique
 *   KQ_XT  input element type       KQ_YT   output element type
 *   KQ_ACC accumulator type         KQ_BT   bias type
 *   KQ_RQ  requantization function  KQ_RAW  1 to store the accumulator (ConvInteger) */
#include "kiln_requant.h"

#define KQ_CAT_(a, b) a##b
#define KQ_CAT(a, b) KQ_CAT_(a, b)
#define KQ_H(name) KQ_CAT(name, KQ_SFX)

#if KQ_RAW
#define KQ_STORE(dst, a, m) ((dst) = (KQ_YT)(a))
#else
#define KQ_STORE(dst, a, m) ((dst) = (KQ_YT)kiln_clamp_i32(KQ_RQ((a), mult[m], shift[m]) + zy, lo, hi))
#endif

/* acc[0..3] += dot(xa, wa), dot(xa, wb), dot(xb, wa), dot(xb, wb) over n elements */
static void KQ_H(kq_dot22_)(const KQ_XT *xa, const KQ_XT *xb, const int8_t *wa, const int8_t *wb, int32_t n,
                            KQ_ACC *acc)
{
    KQ_ACC a0 = acc[0], a1 = acc[1], a2 = acc[2], a3 = acc[3];
    int32_t i = 0;
    for (; i + 2 <= n; i += 2) {
        const int32_t u0 = xa[i], v0 = xb[i], p0 = wa[i], q0 = wb[i];
        const int32_t u1 = xa[i + 1], v1 = xb[i + 1], p1 = wa[i + 1], q1 = wb[i + 1];
        a0 += (KQ_ACC)(u0 * p0) + (KQ_ACC)(u1 * p1);
        a1 += (KQ_ACC)(u0 * q0) + (KQ_ACC)(u1 * q1);
        a2 += (KQ_ACC)(v0 * p0) + (KQ_ACC)(v1 * p1);
        a3 += (KQ_ACC)(v0 * q0) + (KQ_ACC)(v1 * q1);
    }
    if (i < n) {
        const int32_t u = xa[i], v = xb[i], pp = wa[i], q = wb[i];
        a0 += (KQ_ACC)(u * pp);
        a1 += (KQ_ACC)(u * q);
        a2 += (KQ_ACC)(v * pp);
        a3 += (KQ_ACC)(v * q);
    }
    acc[0] = a0;
    acc[1] = a1;
    acc[2] = a2;
    acc[3] = a3;
}

/* Element offset of output pixel q's 1x1 window in a strided pointwise convolution. */
static size_t KQ_H(kq_pixel_)(int32_t q, int32_t OW, int32_t W, int32_t C, int32_t SH, int32_t SW)
{
    return ((size_t)(q / OW) * (size_t)SH * (size_t)W + (size_t)(q % OW) * (size_t)SW) * (size_t)C;
}

void KQ_FN(const KQ_XT *x, const int8_t *w, const KQ_BT *bias_in, const KQ_BT *bias_raw, const int32_t *w_zp,
           const int32_t *mult, const int32_t *shift, KQ_YT *y, const int32_t *p)
{
    const int32_t N = p[KILN_QC_N], H = p[KILN_QC_H], W = p[KILN_QC_W], C = p[KILN_QC_C];
    const int32_t M = p[KILN_QC_M], OH = p[KILN_QC_OH], OW = p[KILN_QC_OW];
    const int32_t KH = p[KILN_QC_KH], KW = p[KILN_QC_KW], SH = p[KILN_QC_SH], SW = p[KILN_QC_SW];
    const int32_t DH = p[KILN_QC_DH], DW = p[KILN_QC_DW], PT = p[KILN_QC_PT], PL = p[KILN_QC_PL];
    const int32_t G = p[KILN_QC_G], zx = p[KILN_QC_XZP], zy = p[KILN_QC_YZP];
    const int32_t lo = p[KILN_QC_LO], hi = p[KILN_QC_HI];
    const int32_t CG = C / G, MG = M / G, depthwise = (G == C && G > 1);
    const size_t xplane = (size_t)H * (size_t)W * (size_t)C, yplane = (size_t)OH * (size_t)OW * (size_t)M;
    const size_t wm = (size_t)KH * (size_t)KW * (size_t)CG; /* weights per output channel (OHWI) */
    int32_t n, oh, ow, m, t;
    int32_t oh0, oh1, ow0, ow1;
    (void)zy;
    (void)lo;
    (void)hi;
    (void)mult;
    (void)shift;
    if (G <= 0 || CG <= 0 || MG <= 0) return;

    /* Output rows [oh0, oh1) and columns [ow0, ow1) have every tap inside the image. */
    oh0 = (PT + SH - 1) / SH;
    t = H - 1 + PT - (KH - 1) * DH;
    oh1 = t < 0 ? 0 : t / SH + 1;
    ow0 = (PL + SW - 1) / SW;
    t = W - 1 + PL - (KW - 1) * DW;
    ow1 = t < 0 ? 0 : t / SW + 1;
    if (oh0 > OH) oh0 = OH;
    if (oh1 > OH) oh1 = OH;
    if (oh1 < oh0) oh1 = oh0;
    if (ow0 > OW) ow0 = OW;
    if (ow1 > OW) ow1 = OW;
    if (ow1 < ow0) ow1 = ow0;
    if (w_zp) oh0 = oh1 = ow0 = ow1 = 0; /* asymmetric weights: every window takes the direct form */

    for (n = 0; n < N; n++) {
        const KQ_XT *xn = x + (size_t)n * xplane;
        KQ_YT *yn = y + (size_t)n * yplane;

        if (KH == 1 && KW == 1 && G == 1 && oh0 == 0 && oh1 == OH && ow0 == 0 && ow1 == OW) {
            /* pointwise: a GEMM of pixels [P][C] by weights [M][C], 2 pixels x 2 channels at a time */
            const int32_t P = OH * OW;
            const int32_t dense = (SH == 1 && SW == 1 && OW == W);
            int32_t q;
            for (q = 0; q < P; q += 2) {
                const int32_t two = q + 1 < P;
                const KQ_XT *xa = xn + (dense ? (size_t)q * (size_t)C : KQ_H(kq_pixel_)(q, OW, W, C, SH, SW));
                const KQ_XT *xb = !two ? xa
                                       : xn + (dense ? (size_t)(q + 1) * (size_t)C
                                                     : KQ_H(kq_pixel_)(q + 1, OW, W, C, SH, SW));
                KQ_YT *ya = yn + (size_t)q * (size_t)M;
                for (m = 0; m < M; m += 2) {
                    const int32_t m1 = m + 1 < M ? m + 1 : m;
                    KQ_ACC acc[4];
                    acc[0] = acc[2] = (KQ_ACC)bias_in[m];
                    acc[1] = acc[3] = (KQ_ACC)bias_in[m1];
                    KQ_H(kq_dot22_)(xa, xb, w + (size_t)m * (size_t)C, w + (size_t)m1 * (size_t)C, C, acc);
                    KQ_STORE(ya[m], acc[0], m);
                    if (m1 != m) KQ_STORE(ya[m1], acc[1], m1);
                    if (two) {
                        KQ_STORE(ya[(size_t)M + (size_t)m], acc[2], m);
                        if (m1 != m) KQ_STORE(ya[(size_t)M + (size_t)m1], acc[3], m1);
                    }
                }
            }
            continue;
        }

        for (oh = 0; oh < OH; oh++) {
            const int32_t ih0 = oh * SH - PT;
            const int32_t rowin = oh >= oh0 && oh < oh1;
            for (ow = 0; ow < OW;) {
                const int32_t iw0 = ow * SW - PL;
                KQ_YT *ya = yn + ((size_t)oh * (size_t)OW + (size_t)ow) * (size_t)M;
                if (rowin && ow >= ow0 && ow < ow1) {
                    /* full windows: pixel a = ow and, when also full, pixel b = ow + 1 */
                    const int32_t two = ow + 1 < ow1;
                    const KQ_XT *xa = xn + ((size_t)ih0 * (size_t)W + (size_t)iw0) * (size_t)C;
                    const KQ_XT *xb = two ? xa + (size_t)SW * (size_t)C : xa;
                    KQ_YT *yb = ya + (size_t)M;
                    if (depthwise) {
                        const int32_t mul = MG; /* output channels per input channel */
                        for (m = 0; m < M; m++) {
                            const int32_t c = m / mul;
                            KQ_ACC a0 = (KQ_ACC)bias_in[m], a1 = a0;
                            const int8_t *wk = w + m;
                            int32_t kh, kw;
                            for (kh = 0; kh < KH; kh++) {
                                const KQ_XT *ra = xa + (size_t)kh * (size_t)DH * (size_t)W * (size_t)C + (size_t)c;
                                const KQ_XT *rb = xb + (size_t)kh * (size_t)DH * (size_t)W * (size_t)C + (size_t)c;
                                for (kw = 0; kw < KW; kw++) {
                                    const int32_t wv = *wk;
                                    const size_t o = (size_t)kw * (size_t)DW * (size_t)C;
                                    a0 += (KQ_ACC)((int32_t)ra[o] * wv);
                                    a1 += (KQ_ACC)((int32_t)rb[o] * wv);
                                    wk += M;
                                }
                            }
                            KQ_STORE(ya[m], a0, m);
                            if (two) KQ_STORE(yb[m], a1, m);
                        }
                    } else {
                        for (m = 0; m < M; m += 2) {
                            const int32_t g = m / MG;
                            const int32_t m1 = (m + 1 < M && (m + 1) / MG == g) ? m + 1 : m;
                            const int8_t *wa = w + (size_t)m * wm, *wb = w + (size_t)m1 * wm;
                            const size_t cg = (size_t)g * (size_t)CG;
                            KQ_ACC acc[4];
                            int32_t kh, kw;
                            acc[0] = acc[2] = (KQ_ACC)bias_in[m];
                            acc[1] = acc[3] = (KQ_ACC)bias_in[m1];
                            if (G == 1 && DW == 1) {
                                /* each kernel row is KW*C contiguous elements of x and of w */
                                const size_t row = (size_t)KW * (size_t)C;
                                for (kh = 0; kh < KH; kh++) {
                                    const size_t o = (size_t)kh * (size_t)DH * (size_t)W * (size_t)C;
                                    KQ_H(kq_dot22_)(xa + o, xb + o, wa + (size_t)kh * row, wb + (size_t)kh * row,
                                                    (int32_t)row, acc);
                                }
                            } else {
                                for (kh = 0; kh < KH; kh++) {
                                    for (kw = 0; kw < KW; kw++) {
                                        const size_t o = ((size_t)kh * (size_t)DH * (size_t)W + (size_t)kw * (size_t)DW)
                                                       * (size_t)C + cg;
                                        const size_t k = ((size_t)kh * (size_t)KW + (size_t)kw) * (size_t)CG;
                                        KQ_H(kq_dot22_)(xa + o, xb + o, wa + k, wb + k, CG, acc);
                                    }
                                }
                            }
                            KQ_STORE(ya[m], acc[0], m);
                            if (m1 != m) KQ_STORE(ya[m1], acc[1], m1);
                            if (two) {
                                KQ_STORE(yb[m], acc[2], m);
                                if (m1 != m) KQ_STORE(yb[m1], acc[3], m1);
                            }
                        }
                    }
                    ow += two ? 2 : 1;
                } else {
                    /* a window touching the padding (or asymmetric weights): sum (x - x_zp) * (w - w_zp) over the
                     * taps inside the image */
                    int32_t kh0 = 0, kh1 = KH, kw0 = 0, kw1 = KW, kh, kw, c;
                    while (kh0 < KH && ih0 + kh0 * DH < 0) kh0++;
                    while (kh1 > kh0 && ih0 + (kh1 - 1) * DH >= H) kh1--;
                    while (kw0 < KW && iw0 + kw0 * DW < 0) kw0++;
                    while (kw1 > kw0 && iw0 + (kw1 - 1) * DW >= W) kw1--;
                    for (m = 0; m < M; m++) {
                        const int32_t g = m / MG, zw = w_zp ? w_zp[m] : 0;
                        KQ_ACC acc = (KQ_ACC)bias_raw[m];
                        for (kh = kh0; kh < kh1; kh++) {
                            for (kw = kw0; kw < kw1; kw++) {
                                const KQ_XT *xp = xn + ((size_t)(ih0 + kh * DH) * (size_t)W + (size_t)(iw0 + kw * DW))
                                                  * (size_t)C + (size_t)g * (size_t)CG;
                                if (depthwise) {
                                    const int32_t wv = w[((size_t)kh * (size_t)KW + (size_t)kw) * (size_t)M + (size_t)m];
                                    acc += (KQ_ACC)(((int32_t)xp[0] - zx) * (wv - zw));
                                } else {
                                    const int8_t *wp = w + (size_t)m * wm + ((size_t)kh * (size_t)KW + (size_t)kw) * (size_t)CG;
                                    for (c = 0; c < CG; c++) acc += (KQ_ACC)(((int32_t)xp[c] - zx) * ((int32_t)wp[c] - zw));
                                }
                            }
                        }
                        KQ_STORE(ya[m], acc, m);
                    }
                    ow++;
                }
            }
        }
    }
}

#undef KQ_STORE
#undef KQ_FN
#undef KQ_SFX
#undef KQ_XT
#undef KQ_YT
#undef KQ_ACC
#undef KQ_BT
#undef KQ_RQ
#undef KQ_RAW
