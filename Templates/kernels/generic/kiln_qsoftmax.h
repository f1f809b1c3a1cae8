#ifndef KILN_QSOFTMAX_H
#define KILN_QSOFTMAX_H
#include "kiln_common.h"
#include "kiln_requant.h"

/* Quantized Softmax over the last axis (rows of `len` elements), integer only.
 *
 * exp_table[d] = round(2^30 * exp(-x_scale * d)) for d = 0..255 is computed by the compiler in double precision,
 * so exp(x - max) of a row element is exp_table[max - x] exactly to 2^-30 (no polynomial approximation).
 * Per row: sum = sum of exp_table[max - x] (>= 2^30, uint64), r = floor(2^62 / sum) (one 64-bit division),
 * probability P = (exp_table[d] * r) >> 31 in Q31, then y = clamp(y_zp + round_shift(P * mult, shift), lo, hi)
 * with mult * 2^-shift ~ 2^-31 / y_scale (one rounding, half to even).
 * int16 inputs (d up to 65535) use 512 entries: exp(-s d) = exp_table[256 + (d >> 8)] * exp_table[d & 255] / 2^30
 * with exp_table[256 + i] = round(2^30 * exp(-x_scale * 256 i)). */
enum { KILN_QS_ROWS, KILN_QS_LEN, KILN_QS_YZP, KILN_QS_MULT, KILN_QS_SHIFT, KILN_QS_LO, KILN_QS_HI, KILN_QS_NPARAMS };

void kiln_qsoftmax_s8(const int8_t *x, int8_t *y, const uint32_t *exp_table, const int32_t *p);
void kiln_qsoftmax_u8(const uint8_t *x, uint8_t *y, const uint32_t *exp_table, const int32_t *p);
void kiln_qsoftmax_s16(const int16_t *x, int16_t *y, const uint32_t *exp_table, const int32_t *p);

#endif
