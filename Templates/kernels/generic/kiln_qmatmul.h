#ifndef KILN_QMATMUL_H
#define KILN_QMATMUL_H
#include "kiln_common.h"
#include "kiln_requant.h"

/* Integer matrix product of two run-time operands (MatMulInteger, QLinearMatMul without constant weights):
 *
 *   acc[b, m, n] = sum_k (A[b, m, k] - a_zp[m]) * (B[b, k, n] - b_zp[n])
 *
 * A is [batch][M][K], B is [batch][K][N] with batch element strides sa / sb (0 when an operand is shared by every
 * batch). a_zp (M entries) and b_zp (N entries) may be NULL (zero). The *_i32 kernels store acc (MatMulInteger);
 * the others store clamp(y_zp + requant(acc, mult[j], shift[j]), lo, hi) with j = n when p[KILN_QM_PERCOL] is 1,
 * else 0. int32 accumulation (the compiler limits K so it cannot overflow). */
enum { KILN_QM_BATCH, KILN_QM_M, KILN_QM_K, KILN_QM_N, KILN_QM_SA, KILN_QM_SB, KILN_QM_YZP, KILN_QM_LO, KILN_QM_HI,
       KILN_QM_PERCOL, KILN_QM_NPARAMS };

#define KILN_QMATMUL_DECL(AS, AT, BS, BT)                                                                         \
    void kiln_qmatmul_##AS##BS##_i32(const AT *a, const BT *b, int32_t *y, const int32_t *a_zp,                  \
                                     const int32_t *b_zp, const int32_t *mult, const int32_t *shift,              \
                                     const int32_t *p);                                                           \
    void kiln_qmatmul_##AS##BS##_s8(const AT *a, const BT *b, int8_t *y, const int32_t *a_zp,                    \
                                    const int32_t *b_zp, const int32_t *mult, const int32_t *shift,               \
                                    const int32_t *p);                                                            \
    void kiln_qmatmul_##AS##BS##_u8(const AT *a, const BT *b, uint8_t *y, const int32_t *a_zp,                   \
                                    const int32_t *b_zp, const int32_t *mult, const int32_t *shift,               \
                                    const int32_t *p);
KILN_QMATMUL_DECL(s8, int8_t, s8, int8_t)
KILN_QMATMUL_DECL(s8, int8_t, u8, uint8_t)
KILN_QMATMUL_DECL(u8, uint8_t, s8, int8_t)
KILN_QMATMUL_DECL(u8, uint8_t, u8, uint8_t)

#endif
