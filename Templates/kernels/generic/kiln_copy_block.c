#include "kiln_copy_block.h"

void kiln_copy_block(const void *x, int32_t x_offset, int32_t x_stride, void *y, int32_t y_offset, int32_t y_stride,
                     int32_t rows, int32_t row_bytes)
{
    const unsigned char *src = (const unsigned char *)x + x_offset;
    unsigned char *dst = (unsigned char *)y + y_offset;
    int32_t r;
    if (rows <= 0 || row_bytes <= 0) return;
    if (x_stride == row_bytes && y_stride == row_bytes) {
        memcpy(dst, src, (size_t)rows * (size_t)row_bytes);
        return;
    }
    for (r = 0; r < rows; r++) {
        memcpy(dst, src, (size_t)row_bytes);
        src += x_stride;
        dst += y_stride;
    }
}
