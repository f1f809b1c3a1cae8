#ifndef KILN_TRILU_H
#define KILN_TRILU_H
#include "kiln_common.h"

/* Trilu for every element type: x and y are `batch` matrices of rows x cols elements of elem_bytes bytes.
 * upper: keeps element (i, j) when j - i >= k, lower: when j - i <= k; the others become zero (all-zero bytes
 * is 0 in every ONNX type). y may alias x. */
void kiln_trilu(const void *x, void *y, int32_t batch, int32_t rows, int32_t cols, int32_t k, int32_t upper,
                int32_t elem_bytes);

#endif
