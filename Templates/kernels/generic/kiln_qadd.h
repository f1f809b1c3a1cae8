#ifndef KILN_QADD_H
#define KILN_QADD_H
#include "kiln_common.h"
#include "kiln_requant.h"

/* Quantized element-wise Add and Mul with NumPy broadcasting, integer only. a, b and y share one type.
 * Broadcasting follows kiln_broadcast.h: y has `rank` dims `shape`, sa / sb are the operands' element strides per
 * output dim (0 where broadcast). q holds the compile-time parameters:
 *
 *   Add: y = clamp(y_zp + round((a - a_zp) * MA + (b - b_zp) * MB) / 2^N), lo, hi)
 *        MA ~ a_scale / y_scale * 2^N and MB ~ b_scale / y_scale * 2^N share one shift N (the larger ratio gets a
 *        31-bit mantissa); the 64-bit sum is rounded once, half to even, so both inputs are rescaled exactly and
 *        added before any rounding (no intermediate requantization as in TFLite's 20-bit left shift scheme).
 *   Mul: y = clamp(y_zp + requant((a - a_zp) * (b - b_zp), M, N), lo, hi),  M ~ a_scale * b_scale / y_scale.
 *
 * The output may alias an operand that is not broadcast (element-wise order). */
enum { KILN_QA_AZP, KILN_QA_BZP, KILN_QA_YZP, KILN_QA_MA, KILN_QA_MB, KILN_QA_SHIFT, KILN_QA_LO, KILN_QA_HI, KILN_QA_NPARAMS };

#define KILN_QADD_DECL(S, T)                                                                                  \
    void kiln_qadd_##S(const T *a, const T *b, T *y, int32_t rank, const int32_t *shape, const int32_t *sa,    \
                       const int32_t *sb, const int32_t *q);                                                  \
    void kiln_qmul_##S(const T *a, const T *b, T *y, int32_t rank, const int32_t *shape, const int32_t *sa,    \
                       const int32_t *sb, const int32_t *q);
KILN_QADD_DECL(s8, int8_t)
KILN_QADD_DECL(u8, uint8_t)
KILN_QADD_DECL(s16, int16_t)

#endif
