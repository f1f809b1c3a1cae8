#include "kiln_gathernd.h"

void kiln_gathernd(const void *x, const int64_t *indices, void *y, int32_t batch, int32_t n, int32_t k,
                   const int32_t *shape, const int32_t *strides, int32_t batch_bytes, int32_t slice_bytes)
{
    const unsigned char *src = (const unsigned char *)x;
    unsigned char *dst = (unsigned char *)y;
    int32_t b, i, j;
    if (slice_bytes <= 0) return;
    for (b = 0; b < batch; b++) {
        const unsigned char *xb = src + (size_t)b * (size_t)batch_bytes;
        for (i = 0; i < n; i++) {
            size_t off = 0;
            int valid = 1;
            for (j = 0; j < k; j++) {
                int64_t v = *indices++;
                if (v < 0) v += shape[j];
                if (v < 0 || v >= shape[j]) valid = 0;
                else off += (size_t)v * (size_t)strides[j];
            }
            if (valid) memcpy(dst, xb + off, (size_t)slice_bytes);
            else memset(dst, 0, (size_t)slice_bytes);
            dst += slice_bytes;
        }
    }
}
