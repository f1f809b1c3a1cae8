#ifndef KILN_TENSOR_SCATTER_H
#define KILN_TENSOR_SCATTER_H
#include "kiln_common.h"

/* TensorScatter: y = past [B, M, L, inner] (the dims before the axis after the batch merged into M, the dims
 * after it into inner) with update [B, M, S, inner] written at sequence positions idx[b] + s (idx NULL: 0).
 * circular: positions wrap modulo L; linear: positions outside [0, L) are not written. y may equal past.
 * Elements move by width (b8/b16/b32/b64). */
#define KILN_TENSOR_SCATTER_DECL(W)                                                                           \
    void kiln_tensor_scatter_##W(const void *past, const void *update, const int64_t *idx, void *y, int32_t B, \
                                 int32_t M, int32_t L, int32_t S, int32_t inner, int32_t circular);
KILN_TENSOR_SCATTER_DECL(b8)
KILN_TENSOR_SCATTER_DECL(b16)
KILN_TENSOR_SCATTER_DECL(b32)
KILN_TENSOR_SCATTER_DECL(b64)

#endif
