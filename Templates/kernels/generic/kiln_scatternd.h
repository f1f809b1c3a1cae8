#ifndef KILN_SCATTERND_H
#define KILN_SCATTERND_H
#include "kiln_scatter_ops.h"

/* ScatterND: y = data (count elements; y may alias data), then for each of n_updates index tuples (k int64
 * values each, indexing the first k dims `shape` with element `strides`), the slice of `slice` elements there
 * combines with the next slice of updates (reduction KILN_SCATTER_*). Negative indices count from the end; a
 * tuple with an index outside its dim is skipped. */
#define KILN_SCATTERND_DECL(SUF, T)                                                                          \
    void kiln_scatternd_##SUF(const T *data, const int64_t *indices, const T *updates, T *y, int32_t count,  \
                              int32_t n_updates, int32_t k, const int32_t *shape, const int32_t *strides,    \
                              int32_t slice, int32_t reduction);
KILN_SCATTER_FOR_TYPES(KILN_SCATTERND_DECL)

#endif
