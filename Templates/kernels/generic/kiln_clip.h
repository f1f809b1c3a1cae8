#ifndef KILN_CLIP_H
#define KILN_CLIP_H
#include "kiln_common.h"

/* Clip over n elements: y = min(max(x, *lo), *hi); lo or hi may be NULL (no bound). When *lo > *hi every
 * element becomes *hi (numpy.clip). NaN stays NaN. y may equal x. float16/bfloat16 compare in float. */
#define KILN_CLIP_DECL(SUF, T) void kiln_clip_##SUF(const T *x, T *y, int32_t n, const T *lo, const T *hi);
KILN_CLIP_DECL(f32, float)
KILN_CLIP_DECL(f64, double)
KILN_CLIP_DECL(f16, uint16_t)
KILN_CLIP_DECL(bf16, uint16_t)
KILN_CLIP_DECL(i8, int8_t)
KILN_CLIP_DECL(i16, int16_t)
KILN_CLIP_DECL(i32, int32_t)
KILN_CLIP_DECL(i64, int64_t)
KILN_CLIP_DECL(u8, uint8_t)
KILN_CLIP_DECL(u16, uint16_t)
KILN_CLIP_DECL(u32, uint32_t)
KILN_CLIP_DECL(u64, uint64_t)

#endif
