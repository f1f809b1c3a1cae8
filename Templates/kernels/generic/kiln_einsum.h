#ifndef KILN_EINSUM_H
#define KILN_EINSUM_H
#include "kiln_common.h"

/* Einsum over one or two operands, described by the compiler as strided loops:
 * no output dims (shape oshape; sao/sbo are a's and b's element strides for each, 0 when the label is absent),
 * nr summed dims (rshape, sar/sbr). A label repeated within an operand (a diagonal) has the sum of its strides.
 *     y[o] = sum over the summed index r in row-major order of a[...] * b[...]   (acc starts at 0)
 * b may be NULL (single operand: the product is a alone). y is contiguous in row-major output order.
 * float16/bfloat16 accumulate in float; integers wrap. */
#define KILN_EINSUM_DECL(SFX, T)                                                                               \
    void kiln_einsum_##SFX(const T *a, const T *b, T *y, int32_t no, const int32_t *oshape, const int32_t *sao, \
                           const int32_t *sbo, int32_t nr, const int32_t *rshape, const int32_t *sar,           \
                           const int32_t *sbr);

KILN_EINSUM_DECL(f32, float)
KILN_EINSUM_DECL(f64, double)
KILN_EINSUM_DECL(f16, uint16_t)
KILN_EINSUM_DECL(bf16, uint16_t)
KILN_EINSUM_DECL(i32, int32_t)
KILN_EINSUM_DECL(i64, int64_t)
KILN_EINSUM_DECL(u32, uint32_t)
KILN_EINSUM_DECL(u64, uint64_t)

#endif
