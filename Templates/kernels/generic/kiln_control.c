#include "kiln_control.h"

void kiln_copy_blocks(const void *src, void *dst, int32_t count, int32_t block, int32_t src_offset,
                      int32_t src_stride, int32_t dst_offset, int32_t dst_stride)
{
    const uint8_t *s = (const uint8_t *)src;
    uint8_t *d = (uint8_t *)dst;
    int32_t i;
    if (count <= 0 || block <= 0 || src_offset < 0 || dst_offset < 0 || src_stride < 0 || dst_stride < 0) return;
    for (i = 0; i < count; i++) {
        const uint8_t *from = s + (size_t)src_offset + (size_t)i * (size_t)src_stride;
        uint8_t *to = d + (size_t)dst_offset + (size_t)i * (size_t)dst_stride;
        if (from != to) memmove(to, from, (size_t)block);
    }
}

void kiln_select(const uint8_t *cond, const void *a, const void *b, void *y, int32_t bytes)
{
    const void *src = *cond ? a : b;
    if (bytes > 0 && src != y) memmove(y, src, (size_t)bytes);
}
