#ifndef KILN_GATHERND_H
#define KILN_GATHERND_H
#include "kiln_common.h"

/* GatherND for every element type. For each of `batch` batches (x batches batch_bytes apart) and each of its
 * n index tuples (k int64 values each), copies the slice of slice_bytes bytes at sum(index_j * strides[j])
 * bytes; shape holds the k indexed dims. Negative indices count from the end; a tuple with an index outside
 * its dim yields a zero slice. */
void kiln_gathernd(const void *x, const int64_t *indices, void *y, int32_t batch, int32_t n, int32_t k,
                   const int32_t *shape, const int32_t *strides, int32_t batch_bytes, int32_t slice_bytes);

#endif
