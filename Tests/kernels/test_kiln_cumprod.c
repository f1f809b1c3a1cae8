#include "kiln_cumprod.h"
#include "kiln_test.h"
#include <math.h>

int main(void)
{
    /* [2,3] along axis 1 (outer 2, len 3, inner 1) and axis 0 (outer 1, len 2, inner 3) */
    {
        const float x[6] = {1, 2, 3, 4, -5, 0.5f};
        const float a1[6] = {1, 2, 6, 4, -20, -10}, a0[6] = {1, 2, 3, 4, -10, 1.5f};
        const float ex[6] = {1, 1, 2, 1, 4, -20}, rev[6] = {6, 6, 3, -10, -2.5f, 0.5f};
        const float revex[6] = {6, 3, 1, -2.5f, 0.5f, 1};
        float y[6];
        kiln_cumprod_f32(x, y, 2, 3, 1, 0, 0);
        KILN_CHECK_BYTES(y, a1, sizeof a1);
        kiln_cumprod_f32(x, y, 1, 2, 3, 0, 0);
        KILN_CHECK_BYTES(y, a0, sizeof a0);
        kiln_cumprod_f32(x, y, 2, 3, 1, 1, 0);
        KILN_CHECK_BYTES(y, ex, sizeof ex);
        kiln_cumprod_f32(x, y, 2, 3, 1, 0, 1);
        KILN_CHECK_BYTES(y, rev, sizeof rev);
        kiln_cumprod_f32(x, y, 2, 3, 1, 1, 1);
        KILN_CHECK_BYTES(y, revex, sizeof revex);
    }
    /* in place, exclusive */
    {
        double x[4] = {2, 3, 4, 5};
        const double want[4] = {1, 2, 6, 24};
        kiln_cumprod_f64(x, x, 1, 4, 1, 1, 0);
        KILN_CHECK_BYTES(x, want, sizeof want);
    }
    /* integers wrap */
    {
        const int32_t x[3] = {65536, 65536, -3};
        const int32_t want[3] = {65536, 0, 0};
        const int64_t x64[3] = {INT64_MAX, 2, -1};
        const int64_t w64[3] = {INT64_MAX, -2, 2};
        const uint32_t u[2] = {4294967295u, 2};
        const uint32_t wu[2] = {4294967295u, 4294967294u};
        int32_t y[3];
        int64_t y64[3];
        uint32_t yu[2];
        kiln_cumprod_i32(x, y, 1, 3, 1, 0, 0);
        KILN_CHECK_BYTES(y, want, sizeof want);
        kiln_cumprod_i64(x64, y64, 1, 3, 1, 0, 0);
        KILN_CHECK_BYTES(y64, w64, sizeof w64);
        kiln_cumprod_u32(u, yu, 1, 2, 1, 0, 0);
        KILN_CHECK_BYTES(yu, wu, sizeof wu);
    }
    /* NaN propagates */
    {
        const float x[2] = {NAN, 2};
        float y[2];
        kiln_cumprod_f32(x, y, 1, 2, 1, 0, 0);
        KILN_CHECK(isnan(y[0]) && isnan(y[1]));
    }
    KILN_TEST_END();
}
