#include "kiln_max_unpool.h"

#define KILN_MAX_UNPOOL_DEF(W, T)                                                                              \
    void kiln_max_unpool_##W(const void *xv, const int64_t *idx, void *yv, int32_t n, int32_t rank, const int32_t *in, \
                             const int32_t *out)                                                               \
    {                                                                                                          \
        const T *x = (const T *)xv;                                                                            \
        T *y = (T *)yv;                                                                                        \
        int64_t in_count = 1, out_count = 1;                                                                   \
        int32_t e, d;                                                                                          \
        if (rank < 0 || rank > KILN_MAX_RANK) return;                                                          \
        for (d = 0; d < rank; d++) {                                                                           \
            in_count *= in[d];                                                                                 \
            out_count *= out[d];                                                                               \
        }                                                                                                      \
        memset(y, 0, (size_t)out_count * sizeof(T));                                                           \
        for (e = 0; e < n; e++) {                                                                              \
            int64_t i = idx[e], off = 0, stride = 1;                                                           \
            if (i < 0 || i >= in_count) continue;                                                              \
            for (d = rank - 1; d >= 0; d--) {                                                                  \
                off += (i % in[d]) * stride;                                                                   \
                i /= in[d];                                                                                    \
                stride *= out[d];                                                                              \
            }                                                                                                  \
            y[off] = x[e];                                                                                     \
        }                                                                                                      \
    }

KILN_MAX_UNPOOL_DEF(b8, uint8_t)
KILN_MAX_UNPOOL_DEF(b16, uint16_t)
KILN_MAX_UNPOOL_DEF(b32, uint32_t)
KILN_MAX_UNPOOL_DEF(b64, uint64_t)
