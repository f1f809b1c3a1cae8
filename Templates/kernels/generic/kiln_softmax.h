#ifndef KILN_SOFTMAX_H
#define KILN_SOFTMAX_H
#include "kiln_common.h"

/* Softmax, LogSoftmax and Hardmax along the middle dim of x viewed as [outer, n, inner].
 * softmax:    y = exp(x - max) / s,  s = sum_k exp(x_k - max) summed in k order
 * logsoftmax: y = (x - max) - log(s)
 * hardmax:    y = 1 at the first index of the max (the first NaN if any), 0 elsewhere.
 * y may alias x. float16/bfloat16 compute in float and round on store. */
#define KILN_SOFTMAX_DECL(SFX, T)                                                        \
    void kiln_softmax_##SFX(const T *x, T *y, int32_t outer, int32_t n, int32_t inner);    \
    void kiln_logsoftmax_##SFX(const T *x, T *y, int32_t outer, int32_t n, int32_t inner); \
    void kiln_hardmax_##SFX(const T *x, T *y, int32_t outer, int32_t n, int32_t inner);

KILN_SOFTMAX_DECL(f32, float)
KILN_SOFTMAX_DECL(f64, double)
KILN_SOFTMAX_DECL(f16, uint16_t)
KILN_SOFTMAX_DECL(bf16, uint16_t)

#endif
