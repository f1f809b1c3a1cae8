#ifndef KILN_COL2IM_H
#define KILN_COL2IM_H
#include "kiln_common.h"

/* Col2Im: x is [N, C*K, L] (K = prod(block), L = prod(cols)), y is [N, C, image...] with D spatial dims.
 * Every column entry is added into y at image index col*stride - pad_begin + offset*dilation (per dim) when that
 * index is inside the image; y starts at zero. Tables have D entries (D <= KILN_MAX_RANK). */
void kiln_col2im_f32(const float *x, float *y, int32_t N, int32_t C, int32_t D, const int32_t *image,
                     const int32_t *block, const int32_t *dilations, const int32_t *pad_begin, const int32_t *strides,
                     const int32_t *cols);

#endif
