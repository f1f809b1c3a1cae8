#ifndef KILN_CONV2D_H
#define KILN_CONV2D_H
#include "kiln_common.h"

/* Parameters of a 2-D convolution over NCHW data with OIHW weights (1-D convolutions use H = 1). */
enum {
    KILN_CONV_N, KILN_CONV_C, KILN_CONV_H, KILN_CONV_W,  /* input */
    KILN_CONV_M, KILN_CONV_OH, KILN_CONV_OW,             /* output channels and size */
    KILN_CONV_KH, KILN_CONV_KW,                          /* kernel */
    KILN_CONV_SH, KILN_CONV_SW, KILN_CONV_DH, KILN_CONV_DW,
    KILN_CONV_PT, KILN_CONV_PL,                          /* top/left padding (bottom/right follow from sizes) */
    KILN_CONV_GROUP, KILN_CONV_ACT,                      /* groups; fused activation (KILN_ACT_*) */
    KILN_CONV_NPARAMS
};

/* y[n,m,oh,ow] = act(bias[m] + sum_{c,kh,kw} x[n, g*C/G + c, oh*SH - PT + kh*DH, ow*SW - PL + kw*DW] * w[m,c,kh,kw]).
 * bias may be NULL; act_min/act_max are used by KILN_ACT_CLIP. */
void kiln_conv2d_f32(const float *x, const float *w, const float *bias, float *y, const int32_t *p, float act_min,
                     float act_max);

#endif
