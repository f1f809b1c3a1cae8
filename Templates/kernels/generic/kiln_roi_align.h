#ifndef KILN_ROI_ALIGN_H
#define KILN_ROI_ALIGN_H
#include "kiln_common.h"

/* RoiAlign: y[r, c] (PH x PW) pools x[batch[r], c] (H x W) over the box rois[r] = (x1, y1, x2, y2) scaled by
 * spatial_scale (and shifted by -0.5 when half_pixel; otherwise boxes are at least 1x1). Each bin averages (or,
 * with mode_max, takes the max of the weighted corners of) a sampling grid of bilinear samples: `ratio` per bin
 * side, or ceil(bin size) when ratio <= 0 (capped at 1024). A batch index outside [0, N) gives zeros.
 * Coordinates are computed in double. */
#define KILN_ROI_ALIGN_DECL(SUF, T)                                                                           \
    void kiln_roi_align_##SUF(const T *x, const T *rois, const int64_t *batch, T *y, int32_t N, int32_t C,    \
                              int32_t H, int32_t W, int32_t R, int32_t PH, int32_t PW, int32_t ratio,         \
                              float spatial_scale, int32_t half_pixel, int32_t mode_max);
KILN_ROI_ALIGN_DECL(f32, float)
KILN_ROI_ALIGN_DECL(f64, double)
KILN_ROI_ALIGN_DECL(f16, uint16_t)
KILN_ROI_ALIGN_DECL(bf16, uint16_t)

#endif
