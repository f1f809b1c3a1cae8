#ifndef KILN_GEMM_H
#define KILN_GEMM_H
#include "kiln_common.h"

/* Matrix products (Gemm, MatMul, and the pointwise convolution path).
 *
 * Summation order (the contract ISA-specific variants must keep bit for bit): every output element is
 *     acc = 0; for k = 0 .. K-1: acc = acc + a[m,k] * b[k,n]    (product rounded, then sum rounded)
 * followed by the epilogue v = alpha * acc, v = v + beta * c[m,n] when C is given, then the fused activation
 * (KILN_ACT_RELU: v < 0 ? 0 : v; KILN_ACT_CLIP: min(max(v, act_min), act_max)). The reference is blocked 4x4 in
 * registers, which changes no element's order. Integer products and sums wrap (unsigned arithmetic); integer
 * kernels ignore alpha, beta and activations (the compiler only emits them with alpha = beta = 1).
 * float16/bfloat16 accumulate in float and round once on store. */

/* Y[M,N] = act(alpha * op(A)[M,K] * op(B)[K,N] + beta * C), op = transpose when trans_a / trans_b.
 * C is NULL or broadcast with element strides (sc_m, sc_n) (0 on broadcast dims). */
#define KILN_GEMM_DECL(SFX, T)                                                                                 \
    void kiln_gemm_##SFX(const T *a, const T *b, const T *c, T *y, int32_t M, int32_t N, int32_t K,            \
                         int32_t trans_a, int32_t trans_b, float alpha, float beta, int32_t sc_m, int32_t sc_n, \
                         int32_t act, float act_min, float act_max);                                           \
    void kiln_matmul_##SFX(const T *a, const T *b, T *y, int32_t M, int32_t N, int32_t K, int32_t nb,          \
                           const int32_t *bshape, const int32_t *sa, const int32_t *sb, int32_t act,            \
                           float act_min, float act_max);

/* kiln_matmul: Y[batch..., M, N] = act(A[..., M, K] x B[..., K, N]) with NumPy batch broadcasting: the batch
 * has nb dims `bshape`, and sa/sb are A's and B's element offsets per batch dim (0 where broadcast). Y is
 * contiguous. */

KILN_GEMM_DECL(f32, float)
KILN_GEMM_DECL(f64, double)
KILN_GEMM_DECL(f16, uint16_t)
KILN_GEMM_DECL(bf16, uint16_t)
KILN_GEMM_DECL(i32, int32_t)
KILN_GEMM_DECL(i64, int64_t)
KILN_GEMM_DECL(u32, uint32_t)
KILN_GEMM_DECL(u64, uint64_t)

#endif
