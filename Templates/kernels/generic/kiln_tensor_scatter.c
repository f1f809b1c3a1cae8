#include "kiln_tensor_scatter.h"

#define KILN_TENSOR_SCATTER_DEF(W, T)                                                                         \
    void kiln_tensor_scatter_##W(const void *past, const void *update, const int64_t *idx, void *y, int32_t B, \
                                 int32_t M, int32_t L, int32_t S, int32_t inner, int32_t circular)             \
    {                                                                                                         \
        const T *u = (const T *)update;                                                                       \
        T *out = (T *)y;                                                                                      \
        int32_t b, m, s;                                                                                      \
        const size_t row = (size_t)inner * sizeof(T);                                                         \
        if (y != past) memcpy(y, past, (size_t)B * (size_t)M * (size_t)L * row);                              \
        for (b = 0; b < B; b++) {                                                                             \
            const int64_t start = idx ? idx[b] : 0;                                                           \
            for (m = 0; m < M; m++)                                                                           \
                for (s = 0; s < S; s++) {                                                                     \
                    int64_t pos;                                                                              \
                    if (circular) {                                                                           \
                        if (L <= 0) continue;                                                                 \
                        pos = start % L;                                                                      \
                        if (pos < 0) pos += L;                                                                \
                        pos = (pos + s) % L;                                                                  \
                    } else {                                                                                  \
                        if (start < 0 || start >= L || (int64_t)s >= (int64_t)L - start) continue;            \
                        pos = start + s;                                                                      \
                    }                                                                                         \
                    memcpy(out + (((size_t)b * (size_t)M + (size_t)m) * (size_t)L + (size_t)pos) * (size_t)inner, \
                           u + (((size_t)b * (size_t)M + (size_t)m) * (size_t)S + (size_t)s) * (size_t)inner, row); \
                }                                                                                             \
        }                                                                                                     \
    }

KILN_TENSOR_SCATTER_DEF(b8, uint8_t)
KILN_TENSOR_SCATTER_DEF(b16, uint16_t)
KILN_TENSOR_SCATTER_DEF(b32, uint32_t)
KILN_TENSOR_SCATTER_DEF(b64, uint64_t)
