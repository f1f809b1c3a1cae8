#include "kiln_loss.h"
#include "kiln_test.h"

int main(void)
{
    /* N=2, C=3, D=1 */
    const float x[6] = {-1, -2, -3, -4, -5, -6};
    const int64_t t[2] = {2, 0};
    const float w[3] = {1, 2, 3};
    float y[2];
    {
        const float r[2] = {3, 4};
        kiln_nllloss_f32_i64(x, t, 0, y, 2, 3, 1, INT64_MIN, KILN_LOSS_NONE);
        KILN_CHECK_BYTES(y, r, sizeof r);
        kiln_nllloss_f32_i64(x, t, 0, y, 2, 3, 1, INT64_MIN, KILN_LOSS_SUM);
        KILN_CHECK(y[0] == 7);
        kiln_nllloss_f32_i64(x, t, w, y, 2, 3, 1, INT64_MIN, KILN_LOSS_MEAN);
        KILN_CHECK(y[0] == 13.0f / 4.0f); /* (3*3 + 4*1) / (3 + 1) */
        kiln_nllloss_f32_i64(x, t, w, y, 2, 3, 1, 2, KILN_LOSS_MEAN);
        KILN_CHECK(y[0] == 4.0f); /* target 2 ignored */
    }
    /* out-of-range targets contribute nothing */
    {
        const int32_t bad[2] = {-7, 99};
        kiln_nllloss_f32_i32(x, bad, 0, y, 2, 3, 1, INT64_MIN, KILN_LOSS_NONE);
        KILN_CHECK(y[0] == 0 && y[1] == 0);
    }
    KILN_TEST_END();
}
