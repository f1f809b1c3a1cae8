#ifndef KILN_CONV3D_H
#define KILN_CONV3D_H
#include "kiln_common.h"

/* 3-D convolution over NCDHW data with OIDHW weights, and transposed convolution (1-D, 2-D and 3-D, as 3-D with
 * unit leading dims). Same summation contract as kiln_conv2d.h:
 *     acc = 0; for c in the group's input channels, kd, kh, kw (all ascending, skipping taps outside the input):
 *     acc = acc + x * w;  y = act(acc + bias[m])  (no addition without bias)
 * Conv:          input position (od*SD - PD + kd*DD, oh*SH - PH + kh*DH, ow*SW - PW + kw*DW)
 * ConvTranspose: input position i with i*S - P + k*Dil = o in every dim (taps with no such integer i are
 *                skipped); weights are [C, M/G, KD, KH, KW]. */
enum {
    KILN_CONV3_N, KILN_CONV3_C, KILN_CONV3_D, KILN_CONV3_H, KILN_CONV3_W,
    KILN_CONV3_M, KILN_CONV3_OD, KILN_CONV3_OH, KILN_CONV3_OW,
    KILN_CONV3_KD, KILN_CONV3_KH, KILN_CONV3_KW,
    KILN_CONV3_SD, KILN_CONV3_SH, KILN_CONV3_SW,
    KILN_CONV3_DD, KILN_CONV3_DH, KILN_CONV3_DW,
    KILN_CONV3_PD, KILN_CONV3_PH, KILN_CONV3_PW, /* begin pads */
    KILN_CONV3_GROUP, KILN_CONV3_ACT,
    KILN_CONV3_NPARAMS
};

void kiln_conv3d_f32(const float *x, const float *w, const float *bias, float *y, const int32_t *p, float act_min,
                     float act_max);
void kiln_convtranspose_f32(const float *x, const float *w, const float *bias, float *y, const int32_t *p,
                            float act_min, float act_max);

#endif
