#ifndef KILN_CONV2D_H
#define KILN_CONV2D_H
#include "kiln_common.h"

/* 2-D convolution over NCHW data with OIHW weights (1-D convolutions use H = 1, KH = 1). This file is the
 * portable reference; ISA-specific variants must produce the same bits.
 *
 * Summation order, identical in every entry point:
 *     acc = 0
 *     for c in the group's input channels (ascending), kh (ascending), kw (ascending), skipping taps whose input
 *     position lies in the padding:  acc = acc + x[n, g*C/G + c, ih, iw] * w[m, c, kh, kw]
 *     y[n, m, oh, ow] = act(acc + bias[m])        (no addition when bias is NULL; act per KILN_ACT_*, clip to [act_min, act_max])
 * with ih = oh*SH - PT + kh*DH, iw = ow*SW - PL + kw*DW. Each product and each sum is rounded to float (build
 * with floating-point contraction off, e.g. -ffp-contract=off, when bit-exactness across compilers matters).
 *
 * kiln_conv2d_f32 is general (groups, strides, dilations, padding). Each output row is split, with bounds
 * computed once per row, into border pixels (each with its own tap range) and an interior where every tap is
 * inside the image; the interior runs four consecutive output pixels at a time with their accumulators in
 * registers, so the tap loop has no bounds checks. kiln_conv2d_depthwise_f32 requires G = C (any channel
 * multiplier M/C) and runs the same per-plane routine without the channel loop. kiln_conv2d_pointwise_f32
 * requires KH = KW = 1, unit strides, no padding and one group, and runs as a GEMM per image (kiln_gemm.h). All
 * three give the same bits for the same inputs.
 */
enum {
    KILN_CONV_N, KILN_CONV_C, KILN_CONV_H, KILN_CONV_W,  /* input */
    KILN_CONV_M, KILN_CONV_OH, KILN_CONV_OW,             /* output channels and size */
    KILN_CONV_KH, KILN_CONV_KW,                          /* kernel */
    KILN_CONV_SH, KILN_CONV_SW, KILN_CONV_DH, KILN_CONV_DW,
    KILN_CONV_PT, KILN_CONV_PL,                          /* top/left padding (bottom/right follow from sizes) */
    KILN_CONV_GROUP, KILN_CONV_ACT,                      /* groups; fused activation (KILN_ACT_*) */
    KILN_CONV_NPARAMS
};

void kiln_conv2d_f32(const float *x, const float *w, const float *bias, float *y, const int32_t *p, float act_min,
                     float act_max);
void kiln_conv2d_pointwise_f32(const float *x, const float *w, const float *bias, float *y, const int32_t *p,
                               float act_min, float act_max);
void kiln_conv2d_depthwise_f32(const float *x, const float *w, const float *bias, float *y, const int32_t *p,
                               float act_min, float act_max);

#endif
