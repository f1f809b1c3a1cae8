#ifndef KILN_CAUSAL_CONV_H
#define KILN_CAUSAL_CONV_H
#include "kiln_common.h"

/* CausalConvWithState: depthwise 1-D convolution of x [B, C, L] with w [C, 1, K] over the input left-padded
 * by past [B, C, K-1] (NULL: zeros), plus bias [C] (or NULL), then SiLU when `silu`. y is [B, C, L];
 * present [B, C, K-1] (or NULL) receives the last K-1 positions of the padded input. Computed in float (double
 * for f64); half types round the convolution once before the activation. */
#define KILN_CAUSAL_CONV_DECL(SUF, T)                                                                          \
    void kiln_causal_conv_##SUF(const T *x, const T *w, const T *bias, const T *past, T *y, T *present,         \
                                int32_t B, int32_t C, int32_t L, int32_t K, int32_t silu);
KILN_CAUSAL_CONV_DECL(f32, float)
KILN_CAUSAL_CONV_DECL(f64, double)
KILN_CAUSAL_CONV_DECL(f16, uint16_t)
KILN_CAUSAL_CONV_DECL(bf16, uint16_t)

#endif
