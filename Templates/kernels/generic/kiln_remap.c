#include "kiln_remap.h"

#define KILN_REMAP_DEF(W, T)                                                                                     \
    void kiln_remap_b##W(const void *x, void *y, int32_t rank, const int32_t *shape, const int32_t *tables,     \
                         int32_t run, const void *fill)                                                          \
    {                                                                                                            \
        const T *src = (const T *)x;                                                                             \
        T *dst = (T *)y;                                                                                         \
        const int32_t *tab[KILN_MAX_RANK];                                                                       \
        int32_t idx[KILN_MAX_RANK];                                                                              \
        const int32_t *itab;                                                                                     \
        int32_t outer = 1, inner, o, i, d, r, base, neg;                                                         \
        T f = 0;                                                                                                 \
        if (fill) memcpy(&f, fill, sizeof f);                                                                    \
        if (run <= 0) return;                                                                                    \
        if (rank <= 0) {                                                                                         \
            memcpy(dst, src, (size_t)run * sizeof(T));                                                           \
            return;                                                                                              \
        }                                                                                                        \
        if (rank > KILN_MAX_RANK) return;                                                                        \
        for (d = 0; d < rank; d++) {                                                                             \
            if (shape[d] <= 0) return;                                                                           \
            tab[d] = tables;                                                                                     \
            tables += shape[d];                                                                                  \
            idx[d] = 0;                                                                                          \
            if (d + 1 < rank) outer *= shape[d];                                                                 \
        }                                                                                                        \
        inner = shape[rank - 1];                                                                                 \
        itab = tab[rank - 1];                                                                                    \
        for (o = 0; o < outer; o++) {                                                                            \
            base = 0;                                                                                            \
            neg = 0;                                                                                             \
            for (d = 0; d + 1 < rank; d++) {                                                                     \
                int32_t e = tab[d][idx[d]];                                                                      \
                if (e < 0) neg = 1;                                                                              \
                base += e;                                                                                       \
            }                                                                                                    \
            for (i = 0; i < inner; i++) {                                                                        \
                int32_t e = itab[i];                                                                             \
                if (neg || e < 0) {                                                                              \
                    for (r = 0; r < run; r++) dst[r] = f;                                                        \
                } else if (run == 1) {                                                                           \
                    dst[0] = src[base + e];                                                                      \
                } else {                                                                                         \
                    memcpy(dst, src + base + e, (size_t)run * sizeof(T));                                        \
                }                                                                                                \
                dst += run;                                                                                      \
            }                                                                                                    \
            for (d = rank - 2; d >= 0; d--) {                                                                    \
                if (++idx[d] < shape[d]) break;                                                                  \
                idx[d] = 0;                                                                                      \
            }                                                                                                    \
        }                                                                                                        \
    }

KILN_FOR_WIDTHS(KILN_REMAP_DEF)
