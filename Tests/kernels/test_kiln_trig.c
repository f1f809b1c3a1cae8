#include "kiln_trig.h"
#include "kiln_test.h"

int main(void)
{
    const float zero[1] = {0.0f}, one[1] = {1.0f}, two[1] = {2.0f};
    float y[1];
    double dy[1];
    uint16_t hy[1];
    /* functions that are exactly 0 at 0 */
    kiln_sin_f32(zero, y, 1);
    KILN_CHECK(y[0] == 0);
    kiln_tan_f32(zero, y, 1);
    KILN_CHECK(y[0] == 0);
    kiln_asin_f32(zero, y, 1);
    KILN_CHECK(y[0] == 0);
    kiln_atan_f32(zero, y, 1);
    KILN_CHECK(y[0] == 0);
    kiln_sinh_f32(zero, y, 1);
    KILN_CHECK(y[0] == 0);
    kiln_asinh_f32(zero, y, 1);
    KILN_CHECK(y[0] == 0);
    kiln_atanh_f32(zero, y, 1);
    KILN_CHECK(y[0] == 0);
    /* exactly 1 at 0, exactly 0 at 1 */
    kiln_cos_f32(zero, y, 1);
    KILN_CHECK(y[0] == 1);
    kiln_cosh_f32(zero, y, 1);
    KILN_CHECK(y[0] == 1);
    kiln_acos_f32(one, y, 1);
    KILN_CHECK(y[0] == 0);
    kiln_acosh_f32(one, y, 1);
    KILN_CHECK(y[0] == 0);
    kiln_atanh_f32(one, y, 1);
    KILN_CHECK(y[0] == 1.0f / 0.0f);
    /* outside the domain: NaN */
    kiln_asin_f32(two, y, 1);
    KILN_CHECK(y[0] != y[0]);
    kiln_acosh_f32(zero, y, 1);
    KILN_CHECK(y[0] != y[0]);
    /* double and half variants; float16 acos(-1) = pi rounds to 0x4248 */
    kiln_cos_f64((const double[]){0.0}, dy, 1);
    KILN_CHECK(dy[0] == 1.0);
    kiln_acos_f16((const uint16_t[]){0xbc00}, hy, 1);
    KILN_CHECK(hy[0] == 0x4248);
    kiln_atan_bf16((const uint16_t[]){0x7f80}, hy, 1); /* atan(inf) = pi/2 -> bf16 0x3fc9 */
    KILN_CHECK(hy[0] == 0x3fc9);
    {
        /* in place */
        float v[2] = {0.0f, 0.0f};
        kiln_cos_f32(v, v, 2);
        KILN_CHECK(v[0] == 1 && v[1] == 1);
    }
    KILN_TEST_END();
}
