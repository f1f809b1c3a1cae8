#ifndef KILN_SCATTER_ELEMENTS_H
#define KILN_SCATTER_ELEMENTS_H
#include "kiln_scatter_ops.h"

/* ScatterElements: y = data (count elements; y may alias data), then for each position i of indices (rank dims
 * `shape`), y[i with i[axis] replaced by indices[i]] combines with updates[i] (reduction KILN_SCATTER_*).
 * `strides` are data's element strides. Negative indices count from the end; updates whose index is outside
 * [0, axis_dim) are skipped. Updates apply in order, so with no reduction the last duplicate wins. */
#define KILN_SCATTER_ELEMENTS_DECL(SUF, T)                                                                     \
    void kiln_scatter_elements_##SUF##_i64(const T *data, const int64_t *indices, const T *updates, T *y,      \
                                           int32_t count, int32_t rank, const int32_t *shape,                  \
                                           const int32_t *strides, int32_t axis, int32_t axis_dim,             \
                                           int32_t reduction);                                                 \
    void kiln_scatter_elements_##SUF##_i32(const T *data, const int32_t *indices, const T *updates, T *y,      \
                                           int32_t count, int32_t rank, const int32_t *shape,                  \
                                           const int32_t *strides, int32_t axis, int32_t axis_dim,             \
                                           int32_t reduction);
KILN_SCATTER_FOR_TYPES(KILN_SCATTER_ELEMENTS_DECL)

#endif
