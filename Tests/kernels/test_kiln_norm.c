#include <math.h>
#include "kiln_norm.h"
#include "kiln_test.h"

int main(void)
{
    /* N=1, C=2, inner=2 */
    const float x[4] = {1, 3, -2, 2};
    float y[4];
    {
        const float s[2] = {1, 2}, b[2] = {0, 1}, m[2] = {2, 0}, v[2] = {3, 15};
        /* a = s / sqrt(v + 1): {0.5, 0.5}; y = (x - m) * a + b */
        const float r[4] = {-0.5f, 0.5f, 0, 2};
        kiln_batchnorm_f32(x, s, b, m, v, y, 1, 2, 2, 1.0f);
        KILN_CHECK_BYTES(y, r, sizeof r);
    }
    {
        const float a[2] = {2, -1}, b[2] = {1, 0}, r[4] = {3, 7, 2, -2};
        kiln_affine_f32(x, a, b, y, 1, 2, 2);
        KILN_CHECK_BYTES(y, r, sizeof r);
    }
    /* instance norm with eps 0: each pair becomes {-1, 1} */
    {
        const float s[2] = {1, 3}, b[2] = {0, 1}, r[4] = {-1, 1, -2, 4};
        kiln_instancenorm_f32(x, s, b, y, 1, 2, 2, 0.0f);
        KILN_CHECK_BYTES(y, r, sizeof r);
    }
    /* layer norm over rows of 2, mean and inverse std outputs */
    {
        const float s[2] = {1, 1}, r[4] = {-1, 1, -1, 1}, rm[2] = {2, 0}, ri[2] = {1, 0.5f};
        float mean[2], inv[2];
        kiln_layernorm_f32(x, s, 0, y, mean, inv, 2, 2, 0.0f);
        KILN_CHECK_BYTES(y, r, sizeof r);
        KILN_CHECK_BYTES(mean, rm, sizeof rm);
        KILN_CHECK_BYTES(inv, ri, sizeof ri);
    }
    /* group norm, one group of both channels: mean 1, var 3.5 */
    {
        const float s[2] = {1, 1}, b[2] = {0, 0};
        int i;
        kiln_groupnorm_f32(x, s, b, y, 1, 2, 2, 1, 0, 0.0f);
        for (i = 0; i < 4; i++) KILN_CHECK(y[i] == (x[i] - 1.0f) * (1.0f / sqrtf(3.5f)));
    }
    /* rms norm: rows {1,3} -> rms sqrt(5); {-2,2} -> 2 */
    {
        const float s[2] = {1, 2};
        kiln_rmsnorm_f32(x, s, y, 2, 2, 0.0f);
        KILN_CHECK(y[0] == 1.0f * (1.0f / sqrtf(5.0f)) && y[1] == 3.0f * (1.0f / sqrtf(5.0f)) * 2.0f);
        KILN_CHECK(y[2] == -1.0f && y[3] == 2.0f);
    }
    /* lp norm along rows, p = 1; zero row gives 0 */
    {
        const float z[4] = {1, 3, 0, 0}, r[4] = {0.25f, 0.75f, 0, 0};
        kiln_lpnorm_f32(z, y, 2, 2, 1, 1);
        KILN_CHECK_BYTES(y, r, sizeof r);
    }
    /* mvn over everything: {1,3,-2,2}: mean 1, std sqrt(3.5) */
    {
        const int32_t rs[1] = {4}, rst[1] = {1};
        int i;
        kiln_mvn_f32(x, y, 0, 0, 0, 1, rs, rst);
        for (i = 0; i < 4; i++) KILN_CHECK(y[i] == (x[i] - 1.0f) / (sqrtf(3.5f) + 1e-9f));
    }
    /* lrn size 1, alpha 1, beta 1, bias 1: y = x / (1 + x^2) */
    {
        int i;
        kiln_lrn_f32(x, y, 1, 2, 2, 1, 1.0f, 1.0f, 1.0f);
        for (i = 0; i < 4; i++) KILN_CHECK(y[i] == x[i] / powf(1.0f + x[i] * x[i], 1.0f));
    }
    KILN_TEST_END();
}
