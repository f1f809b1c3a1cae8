#include "kiln_gather.h"

#define KILN_GATHER_DEF(NAME, IT)                                                                          \
    void NAME(const void *x, const IT *indices, void *y, int32_t outer, int32_t axis_dim, int32_t n_indices, \
              int32_t row_bytes)                                                                           \
    {                                                                                                      \
        const unsigned char *src = (const unsigned char *)x;                                               \
        unsigned char *dst = (unsigned char *)y;                                                           \
        int32_t o, j;                                                                                      \
        if (row_bytes <= 0) return;                                                                        \
        for (o = 0; o < outer; o++) {                                                                      \
            for (j = 0; j < n_indices; j++) {                                                              \
                int64_t k = (int64_t)indices[j];                                                           \
                if (k < 0) k += axis_dim;                                                                  \
                if (k >= 0 && k < axis_dim) {                                                              \
                    size_t row = (size_t)o * (size_t)axis_dim + (size_t)k;                                 \
                    memcpy(dst, src + row * (size_t)row_bytes, (size_t)row_bytes);                         \
                } else {                                                                                   \
                    memset(dst, 0, (size_t)row_bytes);                                                     \
                }                                                                                          \
                dst += row_bytes;                                                                          \
            }                                                                                              \
        }                                                                                                  \
    }

KILN_GATHER_DEF(kiln_gather_i64, int64_t)
KILN_GATHER_DEF(kiln_gather_i32, int32_t)
