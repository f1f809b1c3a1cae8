#ifndef KILN_QCONV_H
#define KILN_QCONV_H
#include "kiln_common.h"
#include "kiln_requant.h"

/* Quantized 2-D convolution over channels-last (NHWC) data, integer only.
 *
 *   y[n,oh,ow,m] = clamp(y_zp + requant(acc, mult[m], shift[m]), lo, hi)
 *   acc = bias[m] + sum_{kh,kw,c} (x[n, ih, iw, g*CG + c] - x_zp) * (w[m,kh,kw,c] - w_zp[m])
 *
 * over the taps inside the image (padding contributes 0 = (x_zp - x_zp)), with ih = oh*SH - PT + kh*DH,
 * iw = ow*SW - PL + kw*DW, g = m / (M/G), CG = C/G. requant is kiln_requant (kiln_requant64 for 16-bit inputs):
 * the exact product with the 31-bit multiplier rounded once, half to even.
 *
 * The compiler precomputes bias_in[m] = bias[m] - x_zp * sum(w[m]) so that every window lying fully inside the
 * image is a pure dot product sum(x * w) (int32 accumulation for 8-bit inputs, int64 for 16-bit); windows that
 * touch the padding, and every window when w_zp is not NULL, take the direct form with bias_raw[m] = bias[m].
 * The compiler bounds |bias| + K * max|product| below 2^31 for the 32-bit accumulators, so nothing overflows.
 *
 * Weight layouts: depthwise (G == C > 1, M = C * multiplier): [KH][KW][M]; otherwise [M][KH][KW][C/G] (OHWI).
 * Paths: 1x1 unpadded convolutions run as a GEMM over pixels; full windows of other convolutions compute 2
 * pixels x 2 output channels per pass (each loaded input and weight is used twice); depthwise computes 2 pixels
 * per weight load.
 *
 * In place: y may be x itself (the compiler asks for it) for pointwise convolutions (1x1, no padding, one group,
 * M <= C), whose every output pixel only overwrites input pixels already read (the 1-2 pixels being computed are
 * first copied to `scratch`, 2*C elements), and for depthwise convolutions with one output channel per input
 * channel, stride 1, no dilation and output size = input size, which copy each input row to a ring of PT + 1 rows
 * in `scratch` ((PT + 1) * W * C elements) before its output row overwrites it. scratch is unused otherwise and
 * may then be NULL.
 *
 * Fused residual Add: with `residual` not NULL, each result v (above, the convolution's own output, clamped)
 * is added to the element of `residual` at the same index, as kiln_qadd does:
 *   y = clamp(r[KILN_QR_YZP] + round(((v - r[KILN_QR_CZP]) * r[KILN_QR_MC] + (res - r[KILN_QR_RZP]) * r[KILN_QR_MR])
 *             / 2^r[KILN_QR_SHIFT]), r[KILN_QR_LO], r[KILN_QR_HI])
 * (one rounding, half to even). y may then be `residual` itself (each element is read just before it is written):
 * a ResNet block's sum takes no buffer of its own.
 *
 * kiln_qconv_*_i32 (ConvInteger) store acc itself (mult, shift, y_zp, lo, hi unused). */
enum { KILN_QR_CZP, KILN_QR_RZP, KILN_QR_YZP, KILN_QR_MC, KILN_QR_MR, KILN_QR_SHIFT, KILN_QR_LO, KILN_QR_HI, KILN_QR_NPARAMS };
enum {
    KILN_QC_N, KILN_QC_H, KILN_QC_W, KILN_QC_C,   /* input (NHWC) */
    KILN_QC_M, KILN_QC_OH, KILN_QC_OW,               /* output channels and size */
    KILN_QC_KH, KILN_QC_KW, KILN_QC_SH, KILN_QC_SW, KILN_QC_DH, KILN_QC_DW,
    KILN_QC_PT, KILN_QC_PL, KILN_QC_G,
    KILN_QC_XZP, KILN_QC_YZP, KILN_QC_LO, KILN_QC_HI, /* zero points and output clamp */
    KILN_QC_NPARAMS
};

void kiln_qconv_s8(const int8_t *x, const int8_t *w, const int32_t *bias_in, const int32_t *bias_raw,
                   const int32_t *w_zp, const int32_t *mult, const int32_t *shift, int8_t *y, void *scratch,
                   const void *residual, const int32_t *rp, const int32_t *p);
void kiln_qconv_u8(const uint8_t *x, const int8_t *w, const int32_t *bias_in, const int32_t *bias_raw,
                   const int32_t *w_zp, const int32_t *mult, const int32_t *shift, uint8_t *y, void *scratch,
                   const void *residual, const int32_t *rp, const int32_t *p);
void kiln_qconv_s16(const int16_t *x, const int8_t *w, const int64_t *bias_in, const int64_t *bias_raw,
                    const int32_t *w_zp, const int32_t *mult, const int32_t *shift, int16_t *y, void *scratch,
                   const void *residual, const int32_t *rp, const int32_t *p);
void kiln_qconv_s8_i32(const int8_t *x, const int8_t *w, const int32_t *bias_in, const int32_t *bias_raw,
                       const int32_t *w_zp, const int32_t *mult, const int32_t *shift, int32_t *y, void *scratch,
                   const void *residual, const int32_t *rp, const int32_t *p);
void kiln_qconv_u8_i32(const uint8_t *x, const int8_t *w, const int32_t *bias_in, const int32_t *bias_raw,
                       const int32_t *w_zp, const int32_t *mult, const int32_t *shift, int32_t *y, void *scratch,
                   const void *residual, const int32_t *rp, const int32_t *p);

#endif
