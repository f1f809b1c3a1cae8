#ifndef KILN_STRIDED_H
#define KILN_STRIDED_H
#include "kiln_move.h"

/* Strided gather copy (Transpose, Slice, Expand, DepthToSpace...): y is written contiguously with `rank` dims
 * `shape`; element i0..ir of y is x[base + sum(i_d * strides[d])] (element units, strides may be negative or
 * zero). When the innermost stride is 1, rows are copied with memcpy. rank 0 copies one element. The compiler
 * builds shape/strides so every address is inside x, and collapses contiguous dims first. */
#define KILN_STRIDED_DECL(W, T) \
    void kiln_strided_b##W(const void *x, void *y, int32_t rank, const int32_t *shape, const int32_t *strides, \
                           int32_t base);
KILN_FOR_WIDTHS(KILN_STRIDED_DECL)

#endif
