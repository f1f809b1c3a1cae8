#include "kiln_tfidf.h"
#include "kiln_test.h"

int main(void)
{
    /* grams: [1] -> column 0, [1, 2] -> column 1 */
    const int64_t pool[3] = {1, 1, 2};
    const int32_t start[2] = {0, 1}, len[2] = {1, 2}, col[2] = {0, 1};
    const int64_t x[4] = {1, 2, 1, 2};
    float y[2];
    {
        const float want[2] = {2, 2};
        kiln_tfidf_i64(x, y, 1, 4, 2, 2, pool, start, len, col, 1, 2, 0, 1, 0);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    /* skips up to 2: the bigram also matches (x0, x3) with distance 3 and unigrams count once */
    {
        const float want[2] = {2, 3};
        kiln_tfidf_i64(x, y, 1, 4, 2, 2, pool, start, len, col, 1, 2, 2, 1, 0);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    /* IDF and TFIDF with weights; min length 2 drops the unigram */
    {
        const float w[2] = {0.5f, 3};
        const float widf[2] = {0, 3}, wtfidf[2] = {0, 6};
        kiln_tfidf_i64(x, y, 1, 4, 2, 2, pool, start, len, col, 2, 2, 0, 2, w);
        KILN_CHECK_BYTES(y, widf, sizeof widf);
        kiln_tfidf_i64(x, y, 1, 4, 2, 2, pool, start, len, col, 2, 2, 0, 3, w);
        KILN_CHECK_BYTES(y, wtfidf, sizeof wtfidf);
    }
    /* int32 tokens in two rows */
    {
        const int32_t x2[4] = {1, 2, 2, 1};
        const float want[4] = {1, 1, 1, 0};
        float y2[4];
        kiln_tfidf_i32(x2, y2, 2, 2, 2, 2, pool, start, len, col, 1, 2, 0, 1, 0);
        KILN_CHECK_BYTES(y2, want, sizeof want);
    }
    KILN_TEST_END();
}
