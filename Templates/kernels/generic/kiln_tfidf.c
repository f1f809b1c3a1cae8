#include "kiln_tfidf.h"

#define KILN_TFIDF_DEF(SUF, T)                                                                                 \
    void kiln_tfidf_##SUF(const T *x, float *y, int32_t rows, int32_t C, int32_t out, int32_t G,               \
                          const int64_t *pool, const int32_t *start, const int32_t *len, const int32_t *col,   \
                          int32_t min_len, int32_t max_len, int32_t max_skip, int32_t mode, const float *weights) \
    {                                                                                                          \
        int32_t r, d, k, p, j, i;                                                                              \
        for (i = 0; i < rows * out; i++) y[i] = 0.0f;                                                          \
        for (r = 0; r < rows; r++) {                                                                           \
            const T *row = x + (size_t)r * (size_t)C;                                                          \
            float *yr = y + (size_t)r * (size_t)out;                                                           \
            for (d = 1; d <= max_skip + 1; d++) {                                                              \
                const int32_t least = (d > 1 && min_len < 2) ? 2 : min_len;                                    \
                if (least > max_len || (d > 1 && d >= C)) break;                                               \
                for (k = 0; k < G; k++) {                                                                      \
                    const int32_t n = len[k];                                                                  \
                    if (n < least || n > max_len || n < 1) continue;                                           \
                    if ((int64_t)(n - 1) * d >= (int64_t)C) continue;                                          \
                    for (p = 0; p + (n - 1) * d < C; p++) {                                                    \
                        for (j = 0; j < n; j++)                                                                \
                            if ((int64_t)row[p + j * d] != pool[start[k] + j]) break;                          \
                        if (j == n) yr[col[k]] += 1.0f;                                                        \
                    }                                                                                          \
                }                                                                                              \
            }                                                                                                  \
            for (i = 0; i < out; i++) {                                                                        \
                const float w = weights ? weights[i] : 1.0f;                                                   \
                if (mode == 2) yr[i] = yr[i] > 0 ? w : 0.0f;                                                   \
                else if (mode == 3) yr[i] = w * yr[i];                                                         \
            }                                                                                                  \
        }                                                                                                      \
    }

KILN_TFIDF_DEF(i32, int32_t)
KILN_TFIDF_DEF(i64, int64_t)
