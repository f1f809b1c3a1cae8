#include "kiln_causal_conv.h"
#include "kiln_test.h"

int main(void)
{
    const float x[3] = {1, 2, 3}, w[2] = {1, 2}, bias[1] = {1}, past[1] = {10};
    float y[3], state[1];
    /* padded input 10 1 2 3: y_t = p[t] + 2 p[t+1] + 1 */
    {
        const float wy[3] = {13, 6, 9}, ws[1] = {3};
        kiln_causal_conv_f32(x, w, bias, past, y, state, 1, 1, 3, 2, 0);
        KILN_CHECK_BYTES(y, wy, sizeof wy);
        KILN_CHECK_BYTES(state, ws, sizeof ws);
    }
    /* no past (zeros), no bias; state longer than the input keeps zeros from the padding */
    {
        const float w3[3] = {0, 0, 1}, x1[1] = {5};
        const float wy[1] = {5}, ws[2] = {0, 5};
        float s2[2];
        kiln_causal_conv_f32(x1, w3, 0, 0, y, s2, 1, 1, 1, 3, 0);
        KILN_CHECK(y[0] == wy[0]);
        KILN_CHECK_BYTES(s2, ws, sizeof ws);
    }
    /* SiLU of 0 is 0; kernel size 1 leaves an empty state */
    {
        const float xz[2] = {0, 0}, w1[1] = {3};
        const float wy[2] = {0, 0};
        kiln_causal_conv_f32(xz, w1, 0, 0, y, 0, 1, 1, 2, 1, 1);
        KILN_CHECK_BYTES(y, wy, sizeof wy);
    }
    /* float16: 2*1 + 1*2 = 4 */
    {
        const uint16_t xh[2] = {0x3c00, 0x4000}, wh[2] = {0x4000, 0x3c00}, want[1] = {0x4400};
        uint16_t yh[2];
        kiln_causal_conv_f16(xh, wh, 0, 0, yh, 0, 1, 1, 2, 2, 0);
        KILN_CHECK(yh[1] == want[0]);
        KILN_CHECK(yh[0] == 0x3c00); /* 2*0 + 1*1 */
    }
    KILN_TEST_END();
}
