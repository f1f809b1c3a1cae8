#ifndef KILN_GATHER_H
#define KILN_GATHER_H
#include "kiln_common.h"

/* Gather along one axis, for every element type: x is [outer, axis_dim, row] with rows of row_bytes bytes,
 * y is [outer, n_indices, row]. Negative indices count from the end; an index still outside [0, axis_dim)
 * yields a zero row (ONNX leaves it undefined; the device must not read out of bounds). */
void kiln_gather_i64(const void *x, const int64_t *indices, void *y, int32_t outer, int32_t axis_dim,
                     int32_t n_indices, int32_t row_bytes);
void kiln_gather_i32(const void *x, const int32_t *indices, void *y, int32_t outer, int32_t axis_dim,
                     int32_t n_indices, int32_t row_bytes);

#endif
