#include "kiln_det.h"
#include <math.h>

#define KILN_DET_DEF(SUF, T, ABS)                                                                    \
    void kiln_det_##SUF(const T *x, T *y, T *a, int32_t count, int32_t n)                            \
    {                                                                                                \
        const size_t nn = (size_t)n * (size_t)n;                                                     \
        int32_t m, i, j, k;                                                                          \
        for (m = 0; m < count; m++) {                                                                \
            T det = (T)1;                                                                            \
            memcpy(a, x + (size_t)m * nn, nn * sizeof *a);                                           \
            for (k = 0; k < n; k++) {                                                                \
                int32_t p = k;                                                                       \
                T best = ABS(a[(size_t)k * n + k]), piv;                                             \
                for (i = k + 1; i < n; i++) {                                                        \
                    T v = ABS(a[(size_t)i * n + k]);                                                 \
                    if (v > best || v != v) { best = v; p = i; }                                     \
                }                                                                                    \
                if (!(best > (T)0)) { /* zero (or NaN) column: no usable pivot */                    \
                    det = best == best ? (T)0 : best;                                                \
                    break;                                                                           \
                }                                                                                    \
                if (p != k) {                                                                        \
                    for (j = 0; j < n; j++) {                                                        \
                        T t = a[(size_t)k * n + j];                                                  \
                        a[(size_t)k * n + j] = a[(size_t)p * n + j];                                 \
                        a[(size_t)p * n + j] = t;                                                    \
                    }                                                                                \
                    det = -det;                                                                      \
                }                                                                                    \
                piv = a[(size_t)k * n + k];                                                          \
                det *= piv;                                                                          \
                for (i = k + 1; i < n; i++) {                                                        \
                    T f = a[(size_t)i * n + k] / piv;                                                \
                    for (j = k + 1; j < n; j++) a[(size_t)i * n + j] -= f * a[(size_t)k * n + j];    \
                }                                                                                    \
            }                                                                                        \
            y[m] = det;                                                                              \
        }                                                                                            \
    }
KILN_DET_DEF(f32, float, fabsf)
KILN_DET_DEF(f64, double, fabs)
