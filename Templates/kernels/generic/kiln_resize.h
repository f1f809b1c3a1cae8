#ifndef KILN_RESIZE_H
#define KILN_RESIZE_H
#include "kiln_common.h"

/* Separable interpolation (Resize/Upsample linear and cubic, with or without antialias). y has `rank` dims
 * `shape`. Output coordinate c of dim d reads taps[d] source taps: for each dim in turn, `offsets` holds
 * shape[d] * taps[d] element offsets into x and `weights` the matching weights. An output element is the sum over
 * every combination of one tap per dim of (product of weights) * x[sum of offsets]; a coordinate whose first
 * offset is negative lies outside the crop box (tf_crop_and_resize) and yields `extrapolation`. Floats
 * accumulate in float (double for float64), integers in double, rounded half to even and saturated. */
#define KILN_RESIZE_DECL(SUF, T)                                                                          \
    void kiln_resize_##SUF(const T *x, T *y, int32_t rank, const int32_t *shape, const int32_t *taps,     \
                           const int32_t *offsets, const float *weights, float extrapolation);
KILN_RESIZE_DECL(f32, float)
KILN_RESIZE_DECL(f64, double)
KILN_RESIZE_DECL(f16, uint16_t)
KILN_RESIZE_DECL(bf16, uint16_t)
KILN_RESIZE_DECL(i8, int8_t)
KILN_RESIZE_DECL(u8, uint8_t)
KILN_RESIZE_DECL(i16, int16_t)
KILN_RESIZE_DECL(u16, uint16_t)
KILN_RESIZE_DECL(i32, int32_t)
KILN_RESIZE_DECL(u32, uint32_t)

#endif
