#include "kiln_gather_elements.h"

/* The odometer keeps the offset of the non-axis coordinates; the axis coordinate comes from the index. */
#define KILN_GATHER_ELEMENTS_DEF(NAME, T, IT)                                                                \
    void NAME(const void *x, const IT *indices, void *y, int32_t rank, const int32_t *shape,                 \
              const int32_t *strides, int32_t axis, int32_t axis_dim)                                        \
    {                                                                                                        \
        const T *src = (const T *)x;                                                                         \
        T *dst = (T *)y;                                                                                     \
        int32_t idx[KILN_MAX_RANK];                                                                          \
        int32_t n = 1, i, d, off = 0;                                                                        \
        if (rank <= 0 || rank > KILN_MAX_RANK || axis < 0 || axis >= rank) return;                           \
        for (d = 0; d < rank; d++) {                                                                         \
            idx[d] = 0;                                                                                      \
            n *= shape[d];                                                                                   \
        }                                                                                                    \
        for (i = 0; i < n; i++) {                                                                            \
            int64_t k = (int64_t)indices[i];                                                                 \
            if (k < 0) k += axis_dim;                                                                        \
            dst[i] = (k >= 0 && k < axis_dim) ? src[off + (int32_t)k * strides[axis]] : (T)0;                \
            for (d = rank - 1; d >= 0; d--) {                                                                \
                if (d != axis) off += strides[d];                                                            \
                if (++idx[d] < shape[d]) break;                                                              \
                if (d != axis) off -= strides[d] * shape[d];                                                 \
                idx[d] = 0;                                                                                  \
            }                                                                                                \
        }                                                                                                    \
    }

#define KILN_GATHER_ELEMENTS_WIDTH(W, T)                                       \
    KILN_GATHER_ELEMENTS_DEF(kiln_gather_elements_b##W##_i64, T, int64_t)     \
    KILN_GATHER_ELEMENTS_DEF(kiln_gather_elements_b##W##_i32, T, int32_t)

KILN_FOR_WIDTHS(KILN_GATHER_ELEMENTS_WIDTH)
