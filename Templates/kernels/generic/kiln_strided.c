#include "kiln_strided.h"

/* Outer dims advance an index odometer (no division per element); the innermost dim is a strided loop or a
 * memcpy. */
#define KILN_STRIDED_DEF(W, T)                                                                                     \
    void kiln_strided_b##W(const void *x, void *y, int32_t rank, const int32_t *shape, const int32_t *strides,    \
                           int32_t base)                                                                           \
    {                                                                                                              \
        const T *src = (const T *)x;                                                                               \
        T *dst = (T *)y;                                                                                           \
        int32_t idx[KILN_MAX_RANK];                                                                                \
        int32_t outer = 1, inner, sin, off = base, o, i, d;                                                        \
        if (rank <= 0) {                                                                                           \
            dst[0] = src[base];                                                                                    \
            return;                                                                                                \
        }                                                                                                          \
        if (rank > KILN_MAX_RANK) return;                                                                          \
        for (d = 0; d < rank; d++) {                                                                               \
            idx[d] = 0;                                                                                            \
            if (shape[d] <= 0) return;                                                                             \
            if (d + 1 < rank) outer *= shape[d];                                                                   \
        }                                                                                                          \
        inner = shape[rank - 1];                                                                                   \
        sin = strides[rank - 1];                                                                                   \
        for (o = 0; o < outer; o++) {                                                                              \
            const T *p = src + off;                                                                                \
            if (sin == 1) {                                                                                        \
                memcpy(dst, p, (size_t)inner * sizeof(T));                                                         \
            } else {                                                                                               \
                for (i = 0; i < inner; i++) dst[i] = p[(ptrdiff_t)i * sin];                                        \
            }                                                                                                      \
            dst += inner;                                                                                          \
            for (d = rank - 2; d >= 0; d--) {                                                                      \
                off += strides[d];                                                                                 \
                if (++idx[d] < shape[d]) break;                                                                    \
                off -= strides[d] * shape[d];                                                                      \
                idx[d] = 0;                                                                                        \
            }                                                                                                      \
        }                                                                                                          \
    }

KILN_FOR_WIDTHS(KILN_STRIDED_DEF)
