#ifndef KILN_GEMM_H
#define KILN_GEMM_H
#include "kiln_common.h"

/* Y[M,N] = act(alpha * op(A)[M,K] * op(B)[K,N] + beta * C), op = transpose when trans_a / trans_b.
 * C is NULL or broadcast with element strides (sc_m, sc_n) (0 on broadcast dims). */
void kiln_gemm_f32(const float *a, const float *b, const float *c, float *y, int32_t M, int32_t N, int32_t K,
                   int32_t trans_a, int32_t trans_b, float alpha, float beta, int32_t sc_m, int32_t sc_n,
                   int32_t act, float act_min, float act_max);

#endif
