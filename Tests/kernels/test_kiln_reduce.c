#include <math.h>
#include "kiln_reduce.h"
#include "kiln_test.h"

int main(void)
{
    /* x[2,3,2]; reduce axis 1 -> kept dims [2,2] strides {6,1}; reduced [3] stride {2} */
    const float x[12] = {1, -2, 3, 4, -5, 6, 7, 8, 9, -10, 11, 12};
    const int32_t ks[2] = {2, 2}, kst[2] = {6, 1}, rs[1] = {3}, rst[1] = {2};
    float y[4];
    {
        const float want[4] = {-1, 8, 27, 10};
        kiln_reduce_sum_f32(x, y, 2, ks, kst, 1, rs, rst);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    {
        const float want[4] = {3, 6, 11, 12};
        kiln_reduce_max_f32(x, y, 2, ks, kst, 1, rs, rst);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    {
        const float want[4] = {-5, -2, 7, -10};
        kiln_reduce_min_f32(x, y, 2, ks, kst, 1, rs, rst);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    {
        const float want[4] = {-15, -48, 693, -960};
        kiln_reduce_prod_f32(x, y, 2, ks, kst, 1, rs, rst);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    {
        const float want[4] = {9, 12, 27, 30};
        kiln_reduce_l1_f32(x, y, 2, ks, kst, 1, rs, rst);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    {
        const float want[4] = {35, 56, 251, 308};
        kiln_reduce_sumsquare_f32(x, y, 2, ks, kst, 1, rs, rst);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    {
        float want[4] = {-1.0f / 3.0f, 8.0f / 3.0f, 9, 10.0f / 3.0f};
        kiln_reduce_mean_f32(x, y, 2, ks, kst, 1, rs, rst);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    /* reduce everything (no kept dims), logsumexp of {0, 0} = log 2; NaN propagates through max */
    {
        const float z[2] = {0, 0}, n[3] = {1, NAN, 2};
        const int32_t all2[1] = {2}, all3[1] = {3}, one[1] = {1};
        float r;
        kiln_reduce_logsumexp_f32(z, &r, 0, 0, 0, 1, all2, one);
        KILN_CHECK(r == logf(2.0f));
        kiln_reduce_max_f32(n, &r, 0, 0, 0, 1, all3, one);
        KILN_CHECK(r != r);
    }
    /* empty reduction: identities */
    {
        const int32_t eks[2] = {2, 4}, ekst[2] = {0, 1}, ers[1] = {0}, erst[1] = {4};
        float e[8];
        uint8_t b[8];
        int32_t i;
        kiln_reduce_max_f32(x, e, 2, eks, ekst, 1, ers, erst);
        for (i = 0; i < 8; i++) KILN_CHECK(e[i] == -INFINITY);
        kiln_reduce_prod_f32(x, e, 2, eks, ekst, 1, ers, erst);
        for (i = 0; i < 8; i++) KILN_CHECK(e[i] == 1.0f);
        kiln_reduce_logsum_f32(x, e, 2, eks, ekst, 1, ers, erst);
        for (i = 0; i < 8; i++) KILN_CHECK(e[i] == -INFINITY);
        kiln_reduce_min_bool((const uint8_t *)x, b, 2, eks, ekst, 1, ers, erst);
        for (i = 0; i < 8; i++) KILN_CHECK(b[i] == 1);
    }
    /* integers wrap; the mean sums in 64 bits and divides toward zero */
    {
        const int8_t a[4] = {100, 100, -7, -8};
        const int32_t two[1] = {2}, one[1] = {1}, k2[1] = {2}, ks2[1] = {2};
        int8_t r[2];
        const int8_t sum[2] = {-56, -15}, mean[2] = {100, -7}, mx[2] = {100, -7};
        kiln_reduce_sum_i8(a, r, 1, k2, ks2, 1, two, one);
        KILN_CHECK_BYTES(r, sum, 2);
        kiln_reduce_mean_i8(a, r, 1, k2, ks2, 1, two, one);
        KILN_CHECK_BYTES(r, mean, 2);
        kiln_reduce_max_i8(a, r, 1, k2, ks2, 1, two, one);
        KILN_CHECK_BYTES(r, mx, 2);
    }
    {
        const int32_t a[2] = {INT32_MIN, -1};
        const int32_t two[1] = {2}, one[1] = {1};
        int32_t r;
        kiln_reduce_l1_i32(a, &r, 0, 0, 0, 1, two, one);
        KILN_CHECK(r == INT32_MIN + 1); /* |INT32_MIN| + 1 wraps */
    }
    KILN_TEST_END();
}
