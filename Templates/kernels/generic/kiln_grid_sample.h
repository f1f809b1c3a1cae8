#ifndef KILN_GRID_SAMPLE_H
#define KILN_GRID_SAMPLE_H
#include "kiln_common.h"

/* GridSample over r = 1..3 spatial dims: x [N, C, in[0..r-1]], grid [N, out[0..r-1], r] (normalized coordinates
 * in [-1, 1], last component first: grid[..., 0] indexes the innermost dim), y [N, C, out[0..r-1]].
 * mode: 0 nearest (round half to even), 1 linear, 2 cubic (Keys, a = -0.75).
 * padding: 0 zeros, 1 border (clamp), 2 reflection (mirror about the borders).
 * align_corners: -1 and 1 are the centers of the corner pixels (else their outer edges).
 * Coordinates are computed in float, as ONNX's reference does; values in float (double for f64). NaN and
 * huge coordinates are defined: they read padding. */
#define KILN_GRID_SAMPLE_DECL(SUF, T)                                                                          \
    void kiln_grid_sample_##SUF(const T *x, const T *grid, T *y, int32_t N, int32_t C, int32_t r,              \
                                const int32_t *in, const int32_t *out, int32_t mode, int32_t padding,           \
                                int32_t align_corners);
KILN_GRID_SAMPLE_DECL(f32, float)
KILN_GRID_SAMPLE_DECL(f64, double)
KILN_GRID_SAMPLE_DECL(f16, uint16_t)
KILN_GRID_SAMPLE_DECL(bf16, uint16_t)

#endif
