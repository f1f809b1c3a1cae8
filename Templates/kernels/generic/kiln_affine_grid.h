#ifndef KILN_AFFINE_GRID_H
#define KILN_AFFINE_GRID_H
#include "kiln_common.h"

/* AffineGrid: for r = 2 (theta [N, 2, 3], dims {H, W}, y [N, H, W, 2]) or r = 3 (theta [N, 3, 4], dims {D, H, W},
 * y [N, D, H, W, 3]): y[n, ..., k] = theta[n, k, :] . (x, y[, z], 1), where each base coordinate of a dim of
 * size d is -1 + 2i/(d-1) with align_corners, else -1 + (2i+1)/d (0 when d == 1). Computed in double. */
#define KILN_AFFINE_GRID_DECL(SUF, T) \
    void kiln_affine_grid_##SUF(const T *theta, T *y, int32_t N, int32_t r, const int32_t *dims, int32_t align_corners);
KILN_AFFINE_GRID_DECL(f32, float)
KILN_AFFINE_GRID_DECL(f64, double)
KILN_AFFINE_GRID_DECL(f16, uint16_t)
KILN_AFFINE_GRID_DECL(bf16, uint16_t)

#endif
