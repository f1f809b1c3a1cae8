#include "kiln_scatter_elements.h"

#define KILN_SCATTER_ELEMENTS_DEF(NAME, SUF, T, IT)                                                        \
    void NAME(const T *data, const IT *indices, const T *updates, T *y, int32_t count, int32_t rank,       \
              const int32_t *shape, const int32_t *strides, int32_t axis, int32_t axis_dim,                \
              int32_t reduction)                                                                           \
    {                                                                                                      \
        int32_t idx[KILN_MAX_RANK];                                                                        \
        int32_t n = 1, i, d, off = 0;                                                                      \
        if (y != data && count > 0) memcpy(y, data, (size_t)count * sizeof(T));                           \
        if (rank <= 0 || rank > KILN_MAX_RANK || axis < 0 || axis >= rank) return;                         \
        for (d = 0; d < rank; d++) {                                                                       \
            idx[d] = 0;                                                                                    \
            n *= shape[d];                                                                                 \
        }                                                                                                  \
        for (i = 0; i < n; i++) {                                                                          \
            int64_t k = (int64_t)indices[i];                                                               \
            if (k < 0) k += axis_dim;                                                                      \
            if (k >= 0 && k < axis_dim) {                                                                  \
                T *p = y + off + (int32_t)k * strides[axis];                                               \
                *p = kiln_scatter_combine_##SUF(*p, updates[i], reduction);                                \
            }                                                                                              \
            for (d = rank - 1; d >= 0; d--) {                                                              \
                if (d != axis) off += strides[d];                                                          \
                if (++idx[d] < shape[d]) break;                                                            \
                if (d != axis) off -= strides[d] * shape[d];                                               \
                idx[d] = 0;                                                                                \
            }                                                                                              \
        }                                                                                                  \
    }

#define KILN_SCATTER_ELEMENTS_TYPE(SUF, T)                                                        \
    KILN_SCATTER_ELEMENTS_DEF(kiln_scatter_elements_##SUF##_i64, SUF, T, int64_t)                \
    KILN_SCATTER_ELEMENTS_DEF(kiln_scatter_elements_##SUF##_i32, SUF, T, int32_t)

KILN_SCATTER_FOR_TYPES(KILN_SCATTER_ELEMENTS_TYPE)
