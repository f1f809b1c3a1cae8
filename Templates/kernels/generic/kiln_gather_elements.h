#ifndef KILN_GATHER_ELEMENTS_H
#define KILN_GATHER_ELEMENTS_H
#include "kiln_move.h"

/* GatherElements: y has the `rank` dims `shape` of indices; y[i] = x[i with i[axis] replaced by indices[i]].
 * `strides` are x's element strides (x may be larger than indices in every dim). Negative indices count from
 * the end; an index outside [0, axis_dim) yields zero. */
#define KILN_GATHER_ELEMENTS_DECL(W, T)                                                                       \
    void kiln_gather_elements_b##W##_i64(const void *x, const int64_t *indices, void *y, int32_t rank,         \
                                         const int32_t *shape, const int32_t *strides, int32_t axis,           \
                                         int32_t axis_dim);                                                    \
    void kiln_gather_elements_b##W##_i32(const void *x, const int32_t *indices, void *y, int32_t rank,         \
                                         const int32_t *shape, const int32_t *strides, int32_t axis,           \
                                         int32_t axis_dim);
KILN_FOR_WIDTHS(KILN_GATHER_ELEMENTS_DECL)

#endif
