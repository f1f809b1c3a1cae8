#include "kiln_scatternd.h"

#define KILN_SCATTERND_DEF(SUF, T)                                                                           \
    void kiln_scatternd_##SUF(const T *data, const int64_t *indices, const T *updates, T *y, int32_t count,  \
                              int32_t n_updates, int32_t k, const int32_t *shape, const int32_t *strides,    \
                              int32_t slice, int32_t reduction)                                              \
    {                                                                                                        \
        int32_t u, j, s;                                                                                     \
        if (y != data && count > 0) memcpy(y, data, (size_t)count * sizeof(T));                             \
        for (u = 0; u < n_updates; u++) {                                                                    \
            size_t off = 0;                                                                                  \
            int valid = 1;                                                                                   \
            for (j = 0; j < k; j++) {                                                                        \
                int64_t v = *indices++;                                                                      \
                if (v < 0) v += shape[j];                                                                    \
                if (v < 0 || v >= shape[j]) valid = 0;                                                       \
                else off += (size_t)v * (size_t)strides[j];                                                  \
            }                                                                                                \
            if (valid) {                                                                                     \
                T *p = y + off;                                                                              \
                for (s = 0; s < slice; s++) p[s] = kiln_scatter_combine_##SUF(p[s], updates[s], reduction);  \
            }                                                                                                \
            updates += slice;                                                                                \
        }                                                                                                    \
    }

KILN_SCATTER_FOR_TYPES(KILN_SCATTERND_DEF)
