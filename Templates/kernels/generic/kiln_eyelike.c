#include "kiln_eyelike.h"

void kiln_eyelike(void *y, int32_t rows, int32_t cols, int32_t k, int32_t elem_bytes, const void *one)
{
    unsigned char *dst = (unsigned char *)y;
    int32_t i;
    if (rows <= 0 || cols <= 0 || elem_bytes <= 0) return;
    memset(dst, 0, (size_t)rows * (size_t)cols * (size_t)elem_bytes);
    for (i = 0; i < rows; i++) {
        int64_t j = (int64_t)i + k;
        if (j >= 0 && j < cols) {
            memcpy(dst + ((size_t)i * (size_t)cols + (size_t)j) * (size_t)elem_bytes, one, (size_t)elem_bytes);
        }
    }
}
