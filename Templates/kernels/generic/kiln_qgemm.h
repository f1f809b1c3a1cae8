#ifndef KILN_QGEMM_H
#define KILN_QGEMM_H
#include "kiln_common.h"
#include "kiln_requant.h"

/* Quantized fully connected layer (MatMul/Gemm by constant weights), integer only:
 *
 *   y[r, j] = clamp(y_zp + requant(acc, mult[j], shift[j]), lo, hi)
 *   acc     = bias[j] + sum_k (x[r, k] - x_zp) * (w[j, k] - w_zp[j])
 *
 * for rows r < R, outputs j < N, k < K. The weights are packed [N][K] (int8) so every output is a dot product of
 * two contiguous rows. The compiler precomputes bias_in[j] = bias[j] - x_zp * sum_k w[j, k] + K * x_zp * w_zp[j],
 * leaving  acc = bias_in[j] + sum_k x[r, k] * w[j, k] - w_zp[j] * sum_k x[r, k]  (the last term only when w_zp is
 * not NULL), so the inner loop is a pure dot product; four outputs are computed per pass over x (each loaded x is
 * used four times). 8-bit inputs accumulate in int32 (the compiler bounds |bias| + 2 K max|x w| below 2^31),
 * 16-bit inputs in int64. requant rounds the exact product once, half to even (kiln_requant.h). */
enum { KILN_QG_R, KILN_QG_K, KILN_QG_N, KILN_QG_XZP, KILN_QG_YZP, KILN_QG_LO, KILN_QG_HI, KILN_QG_NPARAMS };

void kiln_qgemm_s8(const int8_t *x, const int8_t *w, const int32_t *bias_in, const int32_t *w_zp,
                   const int32_t *mult, const int32_t *shift, int8_t *y, const int32_t *p);
void kiln_qgemm_u8(const uint8_t *x, const int8_t *w, const int32_t *bias_in, const int32_t *w_zp,
                   const int32_t *mult, const int32_t *shift, uint8_t *y, const int32_t *p);
void kiln_qgemm_s16(const int16_t *x, const int8_t *w, const int64_t *bias_in, const int32_t *w_zp,
                    const int32_t *mult, const int32_t *shift, int16_t *y, const int32_t *p);

#endif
