#include "kiln_qconv.h"
#include "kiln_test.h"
#include "kiln_qref.h"
#include <stdlib.h>

static uint32_t seed = 1u;
static int32_t rnd(int32_t lo, int32_t hi) /* inclusive */
{
    seed = seed * 1664525u + 1013904223u;
    return lo + (int32_t)((seed >> 8) % (uint32_t)(hi - lo + 1));
}

static int64_t ref_round(int64_t p, int n)
{
    int64_t d = (int64_t)1 << n, q = p / d, r = p % d;
    if (r < 0) { r += d; q -= 1; }
    if (2 * r > d || (2 * r == d && (q & 1))) q++;
    return q;
}

/* Straightforward NHWC convolution with the documented semantics. wl: weight index of (m, kh, kw, c). */
static int64_t ref_acc(const int32_t *x, const int32_t *w, const int64_t *bias, const int32_t *wzp, const int32_t *p,
                       int n, int oh, int ow, int m)
{
    const int32_t H = p[KILN_QC_H], W = p[KILN_QC_W], C = p[KILN_QC_C], M = p[KILN_QC_M];
    const int32_t KH = p[KILN_QC_KH], KW = p[KILN_QC_KW], G = p[KILN_QC_G], CG = C / G, MG = M / G;
    const int dw = G == C && G > 1;
    int64_t acc = bias[m];
    int kh, kw, c;
    for (kh = 0; kh < KH; kh++)
        for (kw = 0; kw < KW; kw++) {
            const int ih = oh * p[KILN_QC_SH] - p[KILN_QC_PT] + kh * p[KILN_QC_DH];
            const int iw = ow * p[KILN_QC_SW] - p[KILN_QC_PL] + kw * p[KILN_QC_DW];
            if (ih < 0 || ih >= H || iw < 0 || iw >= W) continue;
            for (c = 0; c < CG; c++) {
                const int32_t xv = x[((n * H + ih) * W + iw) * C + (m / MG) * CG + c];
                const int32_t wv = dw ? w[(kh * KW + kw) * M + m] : w[((m * KH + kh) * KW + kw) * CG + c];
                acc += (int64_t)(xv - p[KILN_QC_XZP]) * (wv - (wzp ? wzp[m] : 0));
            }
        }
    return acc;
}

enum { T_S8, T_U8, T_S16, T_S8_I32, T_U8_I32 };

static void run_case(int type, int N, int H, int W, int C, int M, int KH, int KW, int SH, int SW, int DH, int DW,
                     int PT, int PL, int PB, int PR, int G, int asym, int act)
{
    int32_t p[KILN_QC_NPARAMS];
    const int OH = (H + PT + PB - (DH * (KH - 1) + 1)) / SH + 1, OW = (W + PL + PR - (DW * (KW - 1) + 1)) / SW + 1;
    const int CG = C / G, K = KH * KW * CG, nx = N * H * W * C, nw = M * K, ny = N * OH * OW * M;
    int32_t *xi = malloc(sizeof(int32_t) * nx), *wi = malloc(sizeof(int32_t) * nw), *wzp = NULL;
    int32_t *mult = malloc(sizeof(int32_t) * M), *shift = malloc(sizeof(int32_t) * M);
    int32_t *bin = malloc(sizeof(int32_t) * M), *braw = malloc(sizeof(int32_t) * M);
    int64_t *bin64 = malloc(sizeof(int64_t) * M), *braw64 = malloc(sizeof(int64_t) * M), *b64 = malloc(sizeof(int64_t) * M);
    int8_t *w8 = malloc((size_t)nw), *x8 = malloc((size_t)nx), *y8 = malloc((size_t)ny);
    uint8_t *xu = malloc((size_t)nx), *yu = malloc((size_t)ny);
    int16_t *x16 = malloc(sizeof(int16_t) * nx), *y16 = malloc(sizeof(int16_t) * ny);
    int32_t *y32 = malloc(sizeof(int32_t) * ny);
    int32_t xlo = type == T_S16 ? -32768 : (type == T_U8 || type == T_U8_I32 ? 0 : -128);
    int32_t xhi = type == T_S16 ? 32767 : (type == T_U8 || type == T_U8_I32 ? 255 : 127);
    int32_t lo = xlo, hi = xhi, i, m, n, oh, ow, bad = 0;
    const int dw = G == C && G > 1;
    if (act) { lo = rnd(xlo, (xlo + xhi) / 2); hi = rnd(lo, xhi); }
    p[KILN_QC_N] = N; p[KILN_QC_H] = H; p[KILN_QC_W] = W; p[KILN_QC_C] = C; p[KILN_QC_M] = M;
    p[KILN_QC_OH] = OH; p[KILN_QC_OW] = OW; p[KILN_QC_KH] = KH; p[KILN_QC_KW] = KW; p[KILN_QC_SH] = SH;
    p[KILN_QC_SW] = SW; p[KILN_QC_DH] = DH; p[KILN_QC_DW] = DW; p[KILN_QC_PT] = PT; p[KILN_QC_PL] = PL;
    p[KILN_QC_G] = G; p[KILN_QC_XZP] = rnd(xlo, xhi); p[KILN_QC_YZP] = type == T_S16 ? 0 : rnd(xlo, xhi);
    p[KILN_QC_LO] = lo; p[KILN_QC_HI] = hi;
    if (type == T_S16) p[KILN_QC_XZP] = rnd(-20, 20);
    for (i = 0; i < nx; i++) { xi[i] = rnd(xlo, xhi); x8[i] = (int8_t)xi[i]; xu[i] = (uint8_t)xi[i]; x16[i] = (int16_t)xi[i]; }
    for (i = 0; i < nw; i++) { wi[i] = rnd(-128, 127); w8[i] = (int8_t)wi[i]; }
    if (asym) { wzp = malloc(sizeof(int32_t) * M); for (m = 0; m < M; m++) wzp[m] = rnd(-128, 127); }
    for (m = 0; m < M; m++) {
        int64_t s = 0;
        int kh, kw, c;
        b64[m] = rnd(-5000, 5000);
        for (kh = 0; kh < KH; kh++)
            for (kw = 0; kw < KW; kw++)
                for (c = 0; c < CG; c++) s += dw ? wi[(kh * KW + kw) * M + m] : wi[((m * KH + kh) * KW + kw) * CG + c];
        bin64[m] = b64[m] - (int64_t)p[KILN_QC_XZP] * s;
        braw64[m] = b64[m];
        bin[m] = (int32_t)bin64[m];
        braw[m] = (int32_t)braw64[m];
        mult[m] = (int32_t)((1u << 30) + (uint32_t)rnd(0, (1 << 30) - 1));
        shift[m] = type == T_S16 ? rnd(36, 44) : rnd(38, 44);
    }
    switch (type) {
    case T_S8: kiln_qconv_s8(x8, w8, bin, braw, wzp, mult, shift, y8, NULL, NULL, NULL, p); break;
    case T_U8: kiln_qconv_u8(xu, w8, bin, braw, wzp, mult, shift, yu, NULL, NULL, NULL, p); break;
    case T_S16: kiln_qconv_s16(x16, w8, bin64, braw64, wzp, mult, shift, y16, NULL, NULL, NULL, p); break;
    case T_S8_I32: kiln_qconv_s8_i32(x8, w8, bin, braw, wzp, mult, shift, y32, NULL, NULL, NULL, p); break;
    default: kiln_qconv_u8_i32(xu, w8, bin, braw, wzp, mult, shift, y32, NULL, NULL, NULL, p); break;
    }
    for (n = 0; n < N; n++)
        for (oh = 0; oh < OH; oh++)
            for (ow = 0; ow < OW; ow++)
                for (m = 0; m < M; m++) {
                    const int idx = ((n * OH + oh) * OW + ow) * M + m;
                    const int64_t acc = ref_acc(xi, wi, b64, wzp, p, n, oh, ow, m);
                    int64_t want, got;
                    if (type == T_S8_I32 || type == T_U8_I32) {
                        want = acc;
                        got = y32[idx];
                    } else {
                        want = ref_round(acc * mult[m], shift[m]) + p[KILN_QC_YZP];
                        want = want < lo ? lo : (want > hi ? hi : want);
                        got = type == T_S8 ? y8[idx] : (type == T_U8 ? yu[idx] : y16[idx]);
                    }
                    if (want != got && !bad) {
                        printf("type %d conv %dx%d C%d M%d G%d k%dx%d s%d p%d asym %d: y[%d] = %ld, want %ld\n", type, H,
                               W, C, M, G, KH, KW, SH, PT, asym, idx, (long)got, (long)want);
                        bad = 1;
                        kiln_test_failures++;
                    }
                }
    free(xi); free(wi); free(wzp); free(mult); free(shift); free(bin); free(braw); free(bin64); free(braw64); free(b64);
    free(w8); free(x8); free(y8); free(xu); free(yu); free(x16); free(y16); free(y32);
}

/* In place (y == x) must give what the out-of-place call gives, for the shapes the compiler allows it on. */
static void run_inplace(int H, int W, int C, int M, int K, int pad, int depthwise)
{
    int32_t p[KILN_QC_NPARAMS];
    const int nx = H * W * C, ny = H * W * M, nw = M * K * K * (depthwise ? 1 : C);
    int8_t *x = malloc((size_t)nx), *y = malloc((size_t)ny), *w = malloc((size_t)nw), *s = malloc((size_t)((pad + 1) * W * C + 2 * C));
    int32_t *b = malloc(sizeof(int32_t) * (size_t)M), *mult = malloc(sizeof(int32_t) * (size_t)M), *shift = malloc(sizeof(int32_t) * (size_t)M);
    int i;
    for (i = 0; i < nx; i++) x[i] = (int8_t)rnd(-128, 127);
    for (i = 0; i < nw; i++) w[i] = (int8_t)rnd(-128, 127);
    for (i = 0; i < M; i++) { b[i] = rnd(-3000, 3000); mult[i] = (int32_t)((1u << 30) + (uint32_t)rnd(0, (1 << 30) - 1)) | 1; shift[i] = rnd(36, 40); }
    p[KILN_QC_N] = 1; p[KILN_QC_H] = H; p[KILN_QC_W] = W; p[KILN_QC_C] = C; p[KILN_QC_M] = M; p[KILN_QC_OH] = H;
    p[KILN_QC_OW] = W; p[KILN_QC_KH] = K; p[KILN_QC_KW] = K; p[KILN_QC_SH] = 1; p[KILN_QC_SW] = 1; p[KILN_QC_DH] = 1;
    p[KILN_QC_DW] = 1; p[KILN_QC_PT] = pad; p[KILN_QC_PL] = pad; p[KILN_QC_G] = depthwise ? C : 1; p[KILN_QC_XZP] = 3;
    p[KILN_QC_YZP] = -5; p[KILN_QC_LO] = -128; p[KILN_QC_HI] = 127;
    kiln_qconv_s8(x, w, b, b, NULL, mult, shift, y, NULL, NULL, NULL, p);
    kiln_qconv_s8(x, w, b, b, NULL, mult, shift, (int8_t *)x, s, NULL, NULL, p);
    if (memcmp(x, y, (size_t)ny) != 0) {
        printf("in-place %s %dx%d C%d M%d K%d differs\n", depthwise ? "depthwise" : "pointwise", H, W, C, M, K);
        kiln_test_failures++;
    }
    free(x); free(y); free(w); free(s); free(b); free(mult); free(shift);
}

/* Fused residual Add: conv then the add's arithmetic (reference), out of place and in place on the residual. */
static void run_residual(int H, int W, int C, int M, int K, int pad, int depthwise)
{
    int32_t p[KILN_QC_NPARAMS], rp[KILN_QR_NPARAMS];
    const int nx = H * W * C, ny = H * W * M, nw = M * K * K * (depthwise ? 1 : C);
    int8_t *x = malloc((size_t)nx), *y = malloc((size_t)ny), *y2 = malloc((size_t)ny), *r = malloc((size_t)ny), *w = malloc((size_t)nw);
    int32_t *b = malloc(sizeof(int32_t) * (size_t)M), *mult = malloc(sizeof(int32_t) * (size_t)M), *shift = malloc(sizeof(int32_t) * (size_t)M);
    int i, bad = 0;
    for (i = 0; i < nx; i++) x[i] = (int8_t)rnd(-128, 127);
    for (i = 0; i < ny; i++) r[i] = (int8_t)rnd(-128, 127);
    for (i = 0; i < nw; i++) w[i] = (int8_t)rnd(-128, 127);
    for (i = 0; i < M; i++) { b[i] = rnd(-3000, 3000); mult[i] = (int32_t)((1u << 30) + (uint32_t)rnd(0, (1 << 30) - 1)) | 1; shift[i] = rnd(36, 40); }
    p[KILN_QC_N] = 1; p[KILN_QC_H] = H; p[KILN_QC_W] = W; p[KILN_QC_C] = C; p[KILN_QC_M] = M; p[KILN_QC_OH] = H;
    p[KILN_QC_OW] = W; p[KILN_QC_KH] = K; p[KILN_QC_KW] = K; p[KILN_QC_SH] = 1; p[KILN_QC_SW] = 1; p[KILN_QC_DH] = 1;
    p[KILN_QC_DW] = 1; p[KILN_QC_PT] = pad; p[KILN_QC_PL] = pad; p[KILN_QC_G] = depthwise ? C : 1; p[KILN_QC_XZP] = 3;
    p[KILN_QC_YZP] = -5; p[KILN_QC_LO] = -5; p[KILN_QC_HI] = 127; /* conv with a Relu */
    rp[KILN_QR_CZP] = -5; rp[KILN_QR_RZP] = 7; rp[KILN_QR_YZP] = -100; rp[KILN_QR_MC] = 1518500250;
    rp[KILN_QR_MR] = 1073741824 + 12345; rp[KILN_QR_SHIFT] = 31; rp[KILN_QR_LO] = -100; rp[KILN_QR_HI] = 100;
    kiln_qconv_s8(x, w, b, b, NULL, mult, shift, y, NULL, NULL, NULL, p);
    for (i = 0; i < ny; i++) {
        const int64_t s = (int64_t)(y[i] + 5) * rp[KILN_QR_MC] + (int64_t)(r[i] - 7) * rp[KILN_QR_MR];
        y[i] = (int8_t)qref_clamp(qref_round(s, 31) - 100, -100, 100);
    }
    kiln_qconv_s8(x, w, b, b, NULL, mult, shift, y2, NULL, r, rp, p);
    if (memcmp(y, y2, (size_t)ny) != 0) bad = 1;
    kiln_qconv_s8(x, w, b, b, NULL, mult, shift, r, NULL, r, rp, p); /* in place on the residual */
    if (memcmp(y, r, (size_t)ny) != 0) bad = 1;
    if (bad) {
        printf("residual %s %dx%d C%d M%d K%d differs\n", depthwise ? "depthwise" : "conv", H, W, C, M, K);
        kiln_test_failures++;
    }
    free(x); free(y); free(y2); free(r); free(w); free(b); free(mult); free(shift);
}

int main(void)
{
    int t;
    /* hand-computed: 1x1 conv, x = [1, 2, 3, -3] (1 channel), w = 1, bias 0, multiplier 0.5: ties to even */
    {
        const int8_t x[4] = {1, 2, 3, -3}, w[1] = {1};
        const int32_t b[1] = {0}, mult[1] = {1 << 30}, shift[1] = {31};
        const int32_t p[KILN_QC_NPARAMS] = {1, 1, 4, 1, 1, 1, 4, 1, 1, 1, 1, 1, 1, 0, 0, 1, 0, 10, -128, 127};
        const int8_t want[4] = {10, 11, 12, 8};
        int8_t y[4];
        kiln_qconv_s8(x, w, b, b, NULL, mult, shift, y, NULL, NULL, NULL, p);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    /* hand-computed: 3x3 depthwise over a 2x2 image of 1 channel with padding 1; x_zp 1 so padding adds nothing;
     * w = all 1, bias 0, multiplier 1 (2^30 * 2^-30): each output = sum of (x - 1) over the image = 2 */
    {
        const int8_t x[4] = {1, 2, 3, 0}, w[9] = {1, 1, 1, 1, 1, 1, 1, 1, 1};
        const int32_t b[1] = {0}, mult[1] = {1 << 30}, shift[1] = {30};
        const int32_t p[KILN_QC_NPARAMS] = {1, 2, 2, 1, 1, 2, 2, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 0, -128, 127};
        const int8_t want[4] = {2, 2, 2, 2};
        int8_t y[4];
        kiln_qconv_s8(x, w, b, b, NULL, mult, shift, y, NULL, NULL, NULL, p);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    for (t = T_S8; t <= T_U8_I32; t++) {
        int asym;
        for (asym = 0; asym <= 1; asym++) {
            run_case(t, 1, 6, 5, 8, 6, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1, asym, 1);    /* pointwise */
            run_case(t, 2, 7, 7, 5, 3, 1, 1, 2, 2, 1, 1, 0, 0, 0, 0, 1, asym, 0);    /* strided pointwise, odd M */
            run_case(t, 1, 9, 8, 3, 4, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, asym, 1);    /* 3x3 pad 1 */
            run_case(t, 1, 9, 9, 4, 6, 3, 3, 2, 2, 1, 1, 0, 0, 1, 1, 1, asym, 0);    /* 3x3 s2 TF-style pad */
            run_case(t, 1, 10, 7, 1, 5, 10, 4, 2, 2, 1, 1, 4, 1, 5, 1, 1, asym, 1); /* KWS first layer shape */
            run_case(t, 1, 8, 8, 6, 6, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 6, asym, 0);    /* depthwise */
            run_case(t, 1, 8, 7, 4, 8, 3, 3, 2, 1, 1, 1, 1, 1, 1, 1, 4, asym, 1);    /* depthwise, multiplier 2 */
            run_case(t, 1, 8, 8, 6, 4, 3, 3, 1, 1, 2, 2, 2, 2, 2, 2, 2, asym, 0);    /* grouped, dilated */
            run_case(t, 1, 5, 6, 4, 4, 3, 2, 1, 1, 1, 2, 0, 1, 0, 1, 1, asym, 1);    /* dilated width, G = 1 */
            run_case(t, 1, 2, 2, 3, 2, 5, 5, 1, 1, 1, 1, 2, 2, 2, 2, 1, asym, 0);    /* kernel larger than the image */
            run_case(t, 1, 4, 4, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, asym, 0);    /* padded 1x1 */
        }
    }
    run_inplace(5, 7, 16, 16, 1, 0, 0);
    run_inplace(4, 3, 24, 8, 1, 0, 0);
    run_inplace(1, 9, 6, 5, 1, 0, 0);
    run_inplace(7, 5, 8, 8, 3, 1, 1);
    run_inplace(6, 6, 4, 4, 5, 2, 1);
    run_inplace(9, 4, 3, 3, 3, 1, 1);
    run_residual(6, 5, 16, 16, 1, 0, 0);
    run_residual(7, 6, 8, 12, 3, 1, 0);
    run_residual(5, 5, 8, 8, 3, 1, 1);
    KILN_TEST_END();
}
