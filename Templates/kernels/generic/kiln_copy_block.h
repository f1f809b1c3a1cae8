#ifndef KILN_COPY_BLOCK_H
#define KILN_COPY_BLOCK_H
#include "kiln_common.h"

/* Copies `rows` rows of `row_bytes` bytes from x + x_offset (rows x_stride bytes apart) to y + y_offset (rows
 * y_stride bytes apart). Concat copies each input into its column band of y, Split each band of x to an output.
 * Rows that are back to back on both sides become one memcpy. */
void kiln_copy_block(const void *x, int32_t x_offset, int32_t x_stride, void *y, int32_t y_offset, int32_t y_stride,
                     int32_t rows, int32_t row_bytes);

#endif
