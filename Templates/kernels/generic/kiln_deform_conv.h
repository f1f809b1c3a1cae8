#ifndef KILN_DEFORM_CONV_H
#define KILN_DEFORM_CONV_H
#include "kiln_common.h"

/* 2-D DeformConv: y[n, o, i, j] = bias[o] + sum over the input channels c of o's group and kernel taps (a, b) of
 *   w[o, c % (C / group), a, b] * mask[n, g, a, b, i, j] * X[n, c](h, v)
 * with g = c / (C / offset_group), h = -pad_h + i*stride_h + a*dil_h + offset[n, g, a, b, 0, i, j] (v likewise
 * with component 1), X(h, v) bilinear with zeros outside the image. offset is [N, og*KH*KW*2, OH, OW], mask
 * [N, og*KH*KW, OH, OW] or NULL (ones), bias [OC] or NULL. p = {N, C, H, W, OC, OH, OW, KH, KW, stride_h,
 * stride_w, dil_h, dil_w, pad_h, pad_w, group, offset_group}. Computed in float (double for f64). */
enum {
    KILN_DC_N, KILN_DC_C, KILN_DC_H, KILN_DC_W, KILN_DC_OC, KILN_DC_OH, KILN_DC_OW, KILN_DC_KH, KILN_DC_KW,
    KILN_DC_SH, KILN_DC_SW, KILN_DC_DH, KILN_DC_DW, KILN_DC_PH, KILN_DC_PW, KILN_DC_GROUP, KILN_DC_OGROUP,
    KILN_DC_NPARAMS
};
#define KILN_DEFORM_CONV_DECL(SUF, T)                                                                           \
    void kiln_deform_conv_##SUF(const T *x, const T *w, const T *offset, const T *bias, const T *mask, T *y,    \
                                const int32_t *p);
KILN_DEFORM_CONV_DECL(f32, float)
KILN_DEFORM_CONV_DECL(f64, double)
KILN_DEFORM_CONV_DECL(f16, uint16_t)
KILN_DEFORM_CONV_DECL(bf16, uint16_t)

#endif
