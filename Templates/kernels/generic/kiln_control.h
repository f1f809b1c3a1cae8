#ifndef KILN_CONTROL_H
#define KILN_CONTROL_H
#include "kiln_common.h"

/* Data movement for expanded control flow (If, Loop, Scan). Sizes and offsets are in bytes. */

/* Copies `count` blocks of `block` bytes: block i goes from src + src_offset + i*src_stride to
 * dst + dst_offset + i*dst_stride (slicing one index out of an axis, stacking tensors along a new axis).
 * Non-positive count or block copies nothing; blocks may overlap only when src == dst (then nothing moves). */
void kiln_copy_blocks(const void *src, void *dst, int32_t count, int32_t block, int32_t src_offset,
                      int32_t src_stride, int32_t dst_offset, int32_t dst_stride);

/* y = (*cond != 0) ? a : b, `bytes` bytes (If with a condition known only at run time). y may alias a or b. */
void kiln_select(const uint8_t *cond, const void *a, const void *b, void *y, int32_t bytes);

#endif
