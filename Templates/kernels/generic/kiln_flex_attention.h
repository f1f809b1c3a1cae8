#ifndef KILN_FLEX_ATTENTION_H
#define KILN_FLEX_ATTENTION_H
#include "kiln_common.h"

/* FlexAttention in three steps, so that the score and probability modifier graphs can run in between on the
 * [B, Hq, L, S] tensor of compute type C (float or double):
 *   scores:  s[b, h, i, j] = (q[b, h, i] * r) . (k[b, h / (Hq / Hkv), j] * r), r = sqrt(scale) in T; the
 *            products and the dot product round to T (as ONNX's reference computes them in T), then widen to C
 *   softmax: in place over the last dim of rows x S: exp(x - max) / sum (a row of -inf gives NaN, as the
 *            reference does)
 *   output:  y[b, h, i, :] = sum_j p[b, h, i, j] * v[b, g, j, :] in C, rounded to T.
 * q [B, Hq, L, E], k [B, Hkv, S, E], v [B, Hkv, S, Ev], y [B, Hq, L, Ev]. */
#define KILN_FLEX_DECL(TS, T, CS, C)                                                                         \
    void kiln_flex_scores_##TS##_##CS(const T *q, const T *k, C *s, int32_t B, int32_t Hq, int32_t Hkv,       \
                                      int32_t L, int32_t S, int32_t E, float r);                             \
    void kiln_flex_output_##TS##_##CS(const C *p, const T *v, T *y, int32_t B, int32_t Hq, int32_t Hkv,       \
                                      int32_t L, int32_t S, int32_t Ev);
KILN_FLEX_DECL(f32, float, f32, float)
KILN_FLEX_DECL(f16, uint16_t, f32, float)
KILN_FLEX_DECL(bf16, uint16_t, f32, float)
KILN_FLEX_DECL(f64, double, f64, double)
KILN_FLEX_DECL(f32, float, f64, double)
KILN_FLEX_DECL(f16, uint16_t, f64, double)
KILN_FLEX_DECL(bf16, uint16_t, f64, double)

void kiln_flex_softmax_f32(float *x, int32_t rows, int32_t n);
void kiln_flex_softmax_f64(double *x, int32_t rows, int32_t n);

#endif
