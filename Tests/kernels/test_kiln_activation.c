#include "kiln_activation.h"
#include "kiln_test.h"

int main(void)
{
    const float inf = 1.0f / 0.0f, nan = 0.0f / 0.0f;
    float y[6];
    {
        /* sigmoid: exact at 0 and the limits, no NaN for huge |x| */
        const float x[4] = {0.0f, inf, -inf, -1000.0f};
        kiln_sigmoid_f32(x, y, 4);
        KILN_CHECK(y[0] == 0.5f && y[1] == 1.0f && y[2] == 0.0f && y[3] == 0.0f);
        kiln_tanh_f32(x, y, 3);
        KILN_CHECK(y[0] == 0.0f && y[1] == 1.0f && y[2] == -1.0f);
        /* softplus: 0 at -inf, x for huge x, ln 2 at 0 */
        {
            const float sx[3] = {-inf, 1000.0f, 0.0f};
            kiln_softplus_f32(sx, y, 3);
            KILN_CHECK(y[0] == 0.0f && y[1] == 1000.0f && y[2] == 0.69314718f);
        }
        kiln_mish_f32((const float[]){1000.0f, 0.0f}, y, 2);
        KILN_CHECK(y[0] == 1000.0f && y[1] == 0.0f);
    }
    {
        /* softsign, hardswish, gelu at exactly representable points */
        const float x[4] = {-3.0f, 0.0f, 1.0f, 3.0f};
        const float softsign[4] = {-0.75f, 0.0f, 0.5f, 0.75f};
        kiln_softsign_f32(x, y, 4);
        KILN_CHECK_BYTES(y, softsign, sizeof softsign);
        kiln_hardswish_f32(x, y, 4);
        KILN_CHECK(y[0] == 0.0f && y[1] == 0.0f && y[3] == 3.0f);
        kiln_gelu_f32((const float[]){0.0f, -inf, inf}, y, 2);
        KILN_CHECK(y[0] == 0.0f && y[1] != y[1]); /* 0.5 * -inf * 0: NaN, as the formula */
        kiln_gelu_tanh_f32((const float[]){0.0f}, y, 1);
        KILN_CHECK(y[0] == 0.0f);
    }
    {
        /* one-parameter activations */
        const float x[4] = {-2.0f, -0.0f, 0.5f, 3.0f};
        const float leaky[4] = {-0.5f, -0.0f, 0.5f, 3.0f}, thr[4] = {0, 0, 0, 3.0f};
        kiln_leakyrelu_f32(x, y, 4, 0.25f);
        KILN_CHECK_BYTES(y, leaky, sizeof leaky);
        kiln_thresholdedrelu_f32(x, y, 4, 1.0f);
        KILN_CHECK_BYTES(y, thr, sizeof thr);
        kiln_elu_f32((const float[]){-inf, 2.0f}, y, 2, 2.0f);
        KILN_CHECK(y[0] == -2.0f && y[1] == 2.0f);
        kiln_celu_f32((const float[]){-inf, 2.0f, 0.0f}, y, 3, 0.5f);
        KILN_CHECK(y[0] == -0.5f && y[1] == 2.0f && y[2] == 0.0f);
        kiln_swish_f32((const float[]){0.0f, 1000.0f, -1000.0f}, y, 3, 1.0f);
        KILN_CHECK(y[0] == 0.0f && y[1] == 1000.0f && y[2] == 0.0f);
        /* NaN propagates through leakyrelu, becomes 0 in thresholdedrelu */
        kiln_leakyrelu_f32((const float[]){nan}, y, 1, 0.1f);
        KILN_CHECK(y[0] != y[0]);
        kiln_thresholdedrelu_f32((const float[]){nan}, y, 1, 0.1f);
        KILN_CHECK(y[0] == 0.0f);
    }
    {
        /* two-parameter activations */
        const float x[5] = {-10.0f, -1.0f, 0.0f, 1.0f, 10.0f};
        const float hs[5] = {0.0f, 0.25f, 0.5f, 0.75f, 1.0f};
        const float shrink[5] = {-9.0f, 0.0f, 0.0f, 0.0f, 9.0f};
        kiln_hardsigmoid_f32(x, y, 5, 0.25f, 0.5f);
        KILN_CHECK_BYTES(y, hs, sizeof hs);
        kiln_shrink_f32(x, y, 5, 1.5f, 1.0f);
        KILN_CHECK_BYTES(y, shrink, sizeof shrink);
        kiln_selu_f32((const float[]){-inf, 2.0f, 0.0f}, y, 3, 2.0f, 1.5f);
        KILN_CHECK(y[0] == -3.0f && y[1] == 3.0f && y[2] == 0.0f);
    }
    {
        /* integer shrink: computed in double, truncated toward zero, saturated */
        const int8_t x[5] = {-128, -3, 0, 3, 127};
        const int8_t want[5] = {-126, -1, 0, 1, 125};
        int8_t iy[5];
        kiln_shrink_i8(x, iy, 5, 1.5f, 1.5f);
        KILN_CHECK_BYTES(iy, want, sizeof want);
        kiln_shrink_i8(x, iy, 5, 0.0f, -10.0f);
        KILN_CHECK(iy[0] == -128 && iy[4] == 127 && iy[1] == -13);
        {
            const uint8_t ux[3] = {0, 5, 255};
            const uint8_t uw[3] = {0, 0, 255};
            uint8_t uy[3];
            kiln_shrink_u8(ux, uy, 3, 0.5f, 10.0f); /* 5 - 10 saturates at 0, 255 - 10 = 245 */
            KILN_CHECK(uy[0] == uw[0] && uy[1] == 0 && uy[2] == 245);
        }
    }
    {
        /* half types and double, in place */
        uint16_t h[2] = {0xc000, 0x4000}; /* -2, 2 */
        double d[2] = {-2.0, 2.0};
        kiln_leakyrelu_f16(h, h, 2, 0.5f);
        KILN_CHECK(h[0] == 0xbc00 && h[1] == 0x4000);
        kiln_hardsigmoid_bf16((const uint16_t[]){0x0000}, h, 1, 0.2f, 0.5f);
        KILN_CHECK(h[0] == 0x3f00);
        kiln_leakyrelu_f64(d, d, 2, 0.5f);
        KILN_CHECK(d[0] == -1.0 && d[1] == 2.0);
        kiln_sigmoid_f16((const uint16_t[]){0x0000}, h, 1);
        KILN_CHECK(h[0] == 0x3800);
    }
    {
        /* swiglu: a * sigmoid(alpha a) * b; sigmoid(0) = 0.5, huge gates pass a through; in place over b */
        float b[3] = {4.0f, 2.0f, 3.0f};
        kiln_swiglu_f32((const float[]){0.0f, 1000.0f, -1000.0f}, b, b, 3, 1.0f);
        KILN_CHECK(b[0] == 0.0f && b[1] == 2000.0f && b[2] == 0.0f);
        {
            uint16_t h[1];
            kiln_swiglu_f16((const uint16_t[]){0x4000}, (const uint16_t[]){0x3c00}, h, 1, 0.0f); /* 2 * 0.5 * 1 */
            KILN_CHECK(h[0] == 0x3c00);
        }
    }
    KILN_TEST_END();
}
