#include "kiln_trilu.h"

void kiln_trilu(const void *x, void *y, int32_t batch, int32_t rows, int32_t cols, int32_t k, int32_t upper,
                int32_t elem_bytes)
{
    const unsigned char *src = (const unsigned char *)x;
    unsigned char *dst = (unsigned char *)y;
    size_t row_bytes = (size_t)cols * (size_t)elem_bytes;
    int32_t b, i;
    if (rows <= 0 || cols <= 0 || elem_bytes <= 0) return;
    for (b = 0; b < batch; b++) {
        for (i = 0; i < rows; i++) {
            /* kept columns are [lo, hi) */
            int64_t lo = upper ? (int64_t)i + k : 0;
            int64_t hi = upper ? cols : (int64_t)i + k + 1;
            size_t l, h;
            if (lo < 0) lo = 0;
            if (lo > cols) lo = cols;
            if (hi < lo) hi = lo;
            if (hi > cols) hi = cols;
            l = (size_t)lo * (size_t)elem_bytes;
            h = (size_t)hi * (size_t)elem_bytes;
            if (l > 0) memset(dst, 0, l);
            if (h > l && dst != src) memcpy(dst + l, src + l, h - l);
            if (row_bytes > h) memset(dst + h, 0, row_bytes - h);
            src += row_bytes;
            dst += row_bytes;
        }
    }
}
