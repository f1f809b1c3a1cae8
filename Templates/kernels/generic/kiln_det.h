#ifndef KILN_DET_H
#define KILN_DET_H
#include "kiln_common.h"

/* Determinants of `count` row-major n x n matrices (x is [count, n, n], y is [count]) by Gaussian elimination
 * with partial pivoting, in the element type. A matrix without a nonzero pivot has determinant 0.
 * scratch: n*n elements. n = 0 gives 1 (empty product). */
void kiln_det_f32(const float *x, float *y, float *scratch, int32_t count, int32_t n);
void kiln_det_f64(const double *x, double *y, double *scratch, int32_t count, int32_t n);

#endif
