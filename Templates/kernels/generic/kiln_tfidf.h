#ifndef KILN_TFIDF_H
#define KILN_TFIDF_H
#include "kiln_common.h"

/* TfIdfVectorizer over integer tokens x [rows, C] into y [rows, out] (float). The dictionary has G n-grams:
 * gram k is pool[start[k] .. start[k] + len[k]) and counts into column col[k]. For each skip distance
 * d = 1 .. max_skip + 1 an n-gram matches at tokens p, p + d, ..., p + (n-1)d; unigrams count only for d = 1.
 * Only n-grams of at least min_len count. mode 1 (TF) writes counts, 2 (IDF) weights[col] (1 without weights)
 * where the count is nonzero, 3 (TFIDF) weights[col] * count (the count without weights). */
#define KILN_TFIDF_DECL(SUF, T)                                                                                \
    void kiln_tfidf_##SUF(const T *x, float *y, int32_t rows, int32_t C, int32_t out, int32_t G,               \
                          const int64_t *pool, const int32_t *start, const int32_t *len, const int32_t *col,   \
                          int32_t min_len, int32_t max_len, int32_t max_skip, int32_t mode, const float *weights);
KILN_TFIDF_DECL(i32, int32_t)
KILN_TFIDF_DECL(i64, int64_t)

#endif
