/* Body of the quantized convolution kernels (see kiln_qconv.h), included by kiln_qconv.c once per type
 * combination; deliberately without an include guard. Expects:
 *   KQ_FN  function name            KQ_SFX  suffix making the static helpers unique
 *   KQ_XT  input element type       KQ_YT   output element type
 *   KQ_ACC accumulator type         KQ_BT   bias type
 *   KQ_RQ  requantization function  KQ_RAW  1 to store the accumulator (ConvInteger)
 * and optionally KQ_ROWS22_0_DEFINED when the includer defines KQ_H(kq_rows22_0_) itself. */
#include "kiln_requant.h"

#ifndef KQ_MAX_KH
#define KQ_MAX_KH 32 /* depthwise kernels up to this height take the fast path */
#endif

#define KQ_CAT_(a, b) a##b
#define KQ_CAT(a, b) KQ_CAT_(a, b)
#define KQ_H(name) KQ_CAT(name, KQ_SFX)

/* fused residual Add of one result (see kiln_qconv.h) */
static inline int32_t KQ_H(kq_residual_)(int32_t v, int32_t res, const int32_t *r)
{
    const int64_t s = (int64_t)(v - r[KILN_QR_CZP]) * r[KILN_QR_MC] + (int64_t)(res - r[KILN_QR_RZP]) * r[KILN_QR_MR];
    return kiln_clamp_i32(kiln_round_shift(s, r[KILN_QR_SHIFT]) + r[KILN_QR_YZP], r[KILN_QR_LO], r[KILN_QR_HI]);
}

#if KQ_RAW
#define KQ_STORE(dst, a, m) ((dst) = (KQ_YT)(a))
#else
/* the residual of output element dst: same offset from the residual base kq_rbase as dst from the output base
 * kq_ybase */
#define KQ_STORE(dst, a, m)                                                                                    \
    do {                                                                                                       \
        const int32_t kq_v = kiln_clamp_i32(KQ_RQ((a), mult[m], shift[m]) + zy, lo, hi);                       \
        if (kq_rbase) (dst) = (KQ_YT)KQ_H(kq_residual_)(kq_v, kq_rbase[&(dst) - kq_ybase], rp);                                  \
        else (dst) = (KQ_YT)kq_v;                                                                             \
    } while (0)
#endif

/* 2 pixels x 2 channels over `rows` rows of n contiguous elements: acc[0..3] += (xa - ZX).wa, (xa - ZX).wb,
 * (xb - ZX).wa, (xb - ZX).wb; rows advance x by xs and w by ws elements. kq_rows22_0 is the full-window form
 * (zero point folded into the bias), kq_rows22_z subtracts it. */
#define KQ_ROWS22(NAME, ZX)                                                                                     \
    KILN_QNOINLINE void NAME(const KQ_XT *xa, const KQ_XT *xb, const int8_t *wa, const int8_t *wb, int32_t rows,  \
                             int32_t n, size_t xs, size_t ws, int32_t zx, KQ_ACC *acc)                          \
    {                                                                                                           \
        KQ_ACC a0 = acc[0], a1 = acc[1], a2 = acc[2], a3 = acc[3];                                             \
        int32_t r, i;                                                                                           \
        (void)zx;                                                                                               \
        for (r = 0; r < rows; r++) {                                                                            \
            for (i = 0; i < n; i++) {                                                                           \
                const int32_t u = (int32_t)xa[i] - (ZX), v = (int32_t)xb[i] - (ZX), p = wa[i], q = wb[i];       \
                a0 += (KQ_ACC)(u * p);                                                                          \
                a1 += (KQ_ACC)(u * q);                                                                          \
                a2 += (KQ_ACC)(v * p);                                                                          \
                a3 += (KQ_ACC)(v * q);                                                                          \
            }                                                                                                   \
            xa += xs;                                                                                           \
            xb += xs;                                                                                           \
            wa += ws;                                                                                           \
            wb += ws;                                                                                           \
        }                                                                                                       \
        acc[0] = a0;                                                                                            \
        acc[1] = a1;                                                                                            \
        acc[2] = a2;                                                                                            \
        acc[3] = a3;                                                                                            \
    }
#ifndef KQ_ROWS22_0_DEFINED /* an ISA variant (cortex-m-dsp) may bring its own full-window inner loop */
KQ_ROWS22(KQ_H(kq_rows22_0_), 0)
#endif
KQ_ROWS22(KQ_H(kq_rows22_z_), zx)

/* 1 pixel x 4 channels (windows without a full-window neighbour, e.g. at the borders): acc[j] += (x - zx).w_j over
 * `rows` rows of n elements; w_j = w + j * wm. */
KILN_QNOINLINE void KQ_H(kq_rows14_)(const KQ_XT *x, const int8_t *w, size_t wm, int32_t rows, int32_t n, size_t xs,
                                     size_t ws, int32_t zx, KQ_ACC *acc)
{
    KQ_ACC a0 = acc[0], a1 = acc[1], a2 = acc[2], a3 = acc[3];
    const int8_t *w0 = w, *w1 = w + wm, *w2 = w + 2 * wm, *w3 = w + 3 * wm;
    int32_t r, i;
    for (r = 0; r < rows; r++) {
        for (i = 0; i < n; i++) {
            const int32_t u = (int32_t)x[i] - zx;
            a0 += (KQ_ACC)(u * w0[i]);
            a1 += (KQ_ACC)(u * w1[i]);
            a2 += (KQ_ACC)(u * w2[i]);
            a3 += (KQ_ACC)(u * w3[i]);
        }
        x += xs;
        w0 += ws;
        w1 += ws;
        w2 += ws;
        w3 += ws;
    }
    acc[0] = a0;
    acc[1] = a1;
    acc[2] = a2;
    acc[3] = a3;
}

/* Depthwise, one output pixel, every channel (channel multiplier 1): channels in blocks of 4 over the taps inside
 * the image (rows x cols; row r of the window starts at rowp[r] + col, x advances by g->xcol per tap, w by M per
 * tap and g->wrow per row), then requantized and stored. The _0 form is for full windows (zero point folded into
 * the bias), _z subtracts the zero point. */
typedef struct { size_t xcol, wrow, M; int32_t zx, zy, lo, hi; const int32_t *rp; } KQ_H(kq_dwgeo_);
#define KQ_DWPIX(NAME, ZX)                                                                                      \
    KILN_QNOINLINE void NAME(const KQ_XT *const *rowp, size_t col, const int8_t *w, int32_t rows, int32_t cols, \
                             const KQ_H(kq_dwgeo_) *g, const KQ_BT *bias, const int32_t *mult,                  \
                             const int32_t *shift, KQ_YT *y, const KQ_YT *kq_rbase)                             \
    {                                                                                                           \
        const size_t M = g->M, xcol = g->xcol, wrow = g->wrow;                                                 \
        const int32_t zx = g->zx, zy = g->zy, lo = g->lo, hi = g->hi;                                          \
        const int32_t *rp = g->rp;                                                                              \
        const KQ_YT *kq_ybase = y;                                                                              \
        size_t m;                                                                                               \
        int32_t r, c;                                                                                           \
        (void)zx; (void)zy; (void)lo; (void)hi; (void)mult; (void)shift; (void)rp; (void)kq_ybase; (void)kq_rbase; \
        for (m = 0; m + 4 <= M; m += 4) {                                                                       \
            KQ_ACC a0 = (KQ_ACC)bias[m], a1 = (KQ_ACC)bias[m + 1], a2 = (KQ_ACC)bias[m + 2], a3 = (KQ_ACC)bias[m + 3]; \
            for (r = 0; r < rows; r++) {                                                                        \
                const KQ_XT *xp = rowp[r] + col + m;                                                            \
                const int8_t *wp = w + (size_t)r * wrow + m;                                                    \
                for (c = 0; c < cols; c++) {                                                                    \
                    a0 += (KQ_ACC)(((int32_t)xp[0] - (ZX)) * wp[0]);                                            \
                    a1 += (KQ_ACC)(((int32_t)xp[1] - (ZX)) * wp[1]);                                            \
                    a2 += (KQ_ACC)(((int32_t)xp[2] - (ZX)) * wp[2]);                                            \
                    a3 += (KQ_ACC)(((int32_t)xp[3] - (ZX)) * wp[3]);                                            \
                    xp += xcol;                                                                                 \
                    wp += M;                                                                                    \
                }                                                                                               \
            }                                                                                                   \
            KQ_STORE(y[m], a0, m);                                                                              \
            KQ_STORE(y[m + 1], a1, m + 1);                                                                      \
            KQ_STORE(y[m + 2], a2, m + 2);                                                                      \
            KQ_STORE(y[m + 3], a3, m + 3);                                                                      \
        }                                                                                                       \
        for (; m < M; m++) {                                                                                    \
            KQ_ACC a0 = (KQ_ACC)bias[m];                                                                        \
            for (r = 0; r < rows; r++)                                                                          \
                for (c = 0; c < cols; c++)                                                                      \
                    a0 += (KQ_ACC)(((int32_t)rowp[r][col + (size_t)c * xcol + m] - (ZX))                        \
                                   * w[(size_t)r * wrow + (size_t)c * M + m]);                                  \
            KQ_STORE(y[m], a0, m);                                                                              \
        }                                                                                                       \
    }
KQ_DWPIX(KQ_H(kq_dwpix_0_), 0)
KQ_DWPIX(KQ_H(kq_dwpix_z_), zx)

/* Element offset of output pixel q's 1x1 window in a strided pointwise convolution. */
static size_t KQ_H(kq_pixel_)(int32_t q, int32_t OW, int32_t W, int32_t C, int32_t SH, int32_t SW)
{
    return ((size_t)(q / OW) * (size_t)SH * (size_t)W + (size_t)(q % OW) * (size_t)SW) * (size_t)C;
}

void KQ_FN(const KQ_XT *x, const int8_t *w, const KQ_BT *bias_in, const KQ_BT *bias_raw, const int32_t *w_zp,
           const int32_t *mult, const int32_t *shift, KQ_YT *y, void *scratch, const void *residual,
           const int32_t *rp, const int32_t *p)
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
    const size_t xrow = (size_t)DH * (size_t)W * (size_t)C, xcol = (size_t)DW * (size_t)C;
    const int32_t inplace = (const void *)x == (const void *)y; /* the compiler only asks for it where it is safe */
    KQ_XT *sx = (KQ_XT *)scratch;
    const KQ_YT *kq_rbase = (const KQ_YT *)residual; /* residual base: indexed like y */
    const KQ_YT *kq_ybase = y;
    int32_t n, oh, ow, m, t;
    int32_t oh0, oh1, ow0, ow1;
    KQ_H(kq_dwgeo_) dwgeo;
    (void)zy;
    (void)lo;
    (void)hi;
    (void)mult;
    (void)shift;
    if (G <= 0 || CG <= 0 || MG <= 0) return;
    dwgeo.xcol = xcol;
    dwgeo.wrow = (size_t)KW * (size_t)M;
    dwgeo.M = (size_t)M;
    dwgeo.zx = zx;
    dwgeo.zy = zy;
    dwgeo.lo = lo;
    dwgeo.hi = hi;
    dwgeo.rp = rp;
    (void)kq_rbase;
    (void)kq_ybase;

    /* Output rows [oh0, oh1) and columns [ow0, ow1) have every tap inside the image (hoisted bounds). */
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
                if (inplace && sx) { /* the outputs of these pixels overwrite them: read copies */
                    memcpy(sx, xa, (size_t)C * sizeof(KQ_XT));
                    memcpy(sx + C, xb, (size_t)C * sizeof(KQ_XT));
                    xa = sx;
                    xb = sx + C;
                }
                for (m = 0; m < M; m += 2) {
                    const int32_t m1 = m + 1 < M ? m + 1 : m;
                    KQ_ACC acc[4];
                    acc[0] = acc[2] = (KQ_ACC)bias_in[m];
                    acc[1] = acc[3] = (KQ_ACC)bias_in[m1];
                    KQ_H(kq_rows22_0_)(xa, xb, w + (size_t)m * (size_t)C, w + (size_t)m1 * (size_t)C, 1, C, 0, 0, 0, acc);
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

        if (depthwise && MG == 1 && !w_zp && KH <= KQ_MAX_KH) {
            /* depthwise, one output channel per input channel: per output pixel, all channels (kq_dwpix) over the
             * window rows listed in rowp. In place (stride 1, same size), each input row is first copied into a
             * ring of PT + 1 rows in scratch, because its output row overwrites it; window rows at or above the
             * current output row are read from the ring. */
            const size_t rowlen = (size_t)W * (size_t)C;
            const int32_t ring = PT + 1;
            const KQ_XT *rowp[KQ_MAX_KH];
            for (oh = 0; oh < OH; oh++) {
                const int32_t ih0 = oh * SH - PT;
                const int32_t rowin = oh >= oh0 && oh < oh1;
                int32_t kh0 = 0, kh1 = KH, r;
                while (kh0 < KH && ih0 + kh0 * DH < 0) kh0++;
                while (kh1 > kh0 && ih0 + (kh1 - 1) * DH >= H) kh1--;
                if (inplace && sx) memcpy(sx + (size_t)(oh % ring) * rowlen, xn + (size_t)oh * rowlen, rowlen * sizeof(KQ_XT));
                for (r = kh0; r < kh1; r++) {
                    const int32_t ih = ih0 + r * DH;
                    rowp[r - kh0] = (inplace && sx && ih <= oh) ? sx + (size_t)(ih % ring) * rowlen : xn + (size_t)ih * rowlen;
                }
                for (ow = 0; ow < OW; ow++) {
                    const int32_t iw0 = ow * SW - PL;
                    const int32_t full = rowin && ow >= ow0 && ow < ow1;
                    int32_t kw0 = 0, kw1 = KW;
                    const size_t col = 0;
                    while (kw0 < KW && iw0 + kw0 * DW < 0) kw0++;
                    while (kw1 > kw0 && iw0 + (kw1 - 1) * DW >= W) kw1--;
                    {
                        const size_t c0 = col + (size_t)(iw0 + kw0 * DW) * (size_t)C;
                        const int8_t *ww = w + ((size_t)kh0 * (size_t)KW + (size_t)kw0) * (size_t)M;
                        KQ_YT *ya = yn + ((size_t)oh * (size_t)OW + (size_t)ow) * (size_t)M;
                        const KQ_YT *ra = kq_rbase ? kq_rbase + (ya - y) : (const KQ_YT *)0;
                        if (full) KQ_H(kq_dwpix_0_)(rowp, c0, ww, kh1 - kh0, kw1 - kw0, &dwgeo, bias_in, mult, shift, ya, ra);
                        else KQ_H(kq_dwpix_z_)(rowp, c0, ww, kh1 - kh0, kw1 - kw0, &dwgeo, bias_raw, mult, shift, ya, ra);
                    }
                }
            }
            continue;
        }

        for (oh = 0; oh < OH; oh++) {
            const int32_t ih0 = oh * SH - PT;
            const int32_t rowin = oh >= oh0 && oh < oh1;
            int32_t kh0 = 0, kh1 = KH;
            while (kh0 < KH && ih0 + kh0 * DH < 0) kh0++;
            while (kh1 > kh0 && ih0 + (kh1 - 1) * DH >= H) kh1--;
            for (ow = 0; ow < OW;) {
                const int32_t iw0 = ow * SW - PL;
                const int32_t full = rowin && ow >= ow0 && ow < ow1;
                KQ_YT *ya = yn + ((size_t)oh * (size_t)OW + (size_t)ow) * (size_t)M;
                int32_t kw0 = 0, kw1 = KW;
                while (kw0 < KW && iw0 + kw0 * DW < 0) kw0++;
                while (kw1 > kw0 && iw0 + (kw1 - 1) * DW >= W) kw1--;
                if (!depthwise && G == 1 && DW == 1 && !w_zp) {
                    /* each kernel row is a contiguous run of (kw1 - kw0) * C elements of x and of w; full windows
                     * pair pixel ow with ow + 1 (2 pixels x 2 channels per pass) */
                    const int32_t two = full && ow + 1 < ow1;
                    const size_t row = (size_t)(kw1 - kw0) * (size_t)C, koff = (size_t)kw0 * (size_t)C;
                    const KQ_XT *xa = xn + ((size_t)(ih0 + kh0 * DH) * (size_t)W + (size_t)(iw0 + kw0)) * (size_t)C;
                    const KQ_XT *xb = two ? xa + (size_t)SW * (size_t)C : xa;
                    const KQ_BT *bias = full ? bias_in : bias_raw;
                    const int32_t z = full ? 0 : zx;
                    KQ_YT *yb = ya + (size_t)M;
                    m = 0;
                    if (!two) {
                        /* a single window: 4 channels per pass */
                        for (; m + 4 <= M; m += 4) {
                            KQ_ACC acc[4];
                            acc[0] = (KQ_ACC)bias[m];
                            acc[1] = (KQ_ACC)bias[m + 1];
                            acc[2] = (KQ_ACC)bias[m + 2];
                            acc[3] = (KQ_ACC)bias[m + 3];
                            KQ_H(kq_rows14_)(xa, w + (size_t)m * wm + (size_t)kh0 * (size_t)KW * (size_t)C + koff, wm,
                                             kh1 - kh0, (int32_t)row, xrow, (size_t)KW * (size_t)C, z, acc);
                            KQ_STORE(ya[m], acc[0], m);
                            KQ_STORE(ya[m + 1], acc[1], m + 1);
                            KQ_STORE(ya[m + 2], acc[2], m + 2);
                            KQ_STORE(ya[m + 3], acc[3], m + 3);
                        }
                    }
                    for (; m < M; m += 2) {
                        const int32_t m1 = m + 1 < M ? m + 1 : m;
                        const int8_t *wa = w + (size_t)m * wm + (size_t)kh0 * (size_t)KW * (size_t)C + koff;
                        const int8_t *wb = w + (size_t)m1 * wm + (size_t)kh0 * (size_t)KW * (size_t)C + koff;
                        KQ_ACC acc[4];
                        acc[0] = acc[2] = (KQ_ACC)bias[m];
                        acc[1] = acc[3] = (KQ_ACC)bias[m1];
                        if (z == 0)
                            KQ_H(kq_rows22_0_)(xa, xb, wa, wb, kh1 - kh0, (int32_t)row, xrow, (size_t)KW * (size_t)C, 0, acc);
                        else
                            KQ_H(kq_rows22_z_)(xa, xb, wa, wb, kh1 - kh0, (int32_t)row, xrow, (size_t)KW * (size_t)C, z, acc);
                        KQ_STORE(ya[m], acc[0], m);
                        if (m1 != m) KQ_STORE(ya[m1], acc[1], m1);
                        if (two) {
                            KQ_STORE(yb[m], acc[2], m);
                            if (m1 != m) KQ_STORE(yb[m1], acc[3], m1);
                        }
                    }
                    ow += two ? 2 : 1;
                } else {
                    /* general form (groups, dilated rows, channel multipliers, asymmetric weights):
                     * sum (x - x_zp) * (w - w_zp) over the taps inside the image */
                    int32_t kh, kw, c;
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
#undef KQ_ROWS22
#undef KQ_DWPIX
#undef KQ_FN
#undef KQ_SFX
#undef KQ_XT
#undef KQ_YT
#undef KQ_ACC
#undef KQ_BT
#undef KQ_RQ
#undef KQ_RAW
