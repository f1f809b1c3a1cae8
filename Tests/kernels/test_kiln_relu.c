#include "kiln_relu.h"
#include "kiln_test.h"

int main(void)
{
    {
        const float x[4] = {-1.5f, 0.0f, 2.0f, -1.0f / 0.0f};
        const float want[4] = {0, 0, 2, 0};
        float y[4];
        kiln_relu_f32(x, y, 4);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    {
        /* int8 in place */
        int8_t x[3] = {-128, 0, 127};
        const int8_t want[3] = {0, 0, 127};
        kiln_relu_i8(x, x, 3);
        KILN_CHECK_BYTES(x, want, sizeof want);
    }
    {
        /* float16: -1 -> 0, -inf -> 0, -0 and NaN kept, positives kept */
        const uint16_t x[5] = {0xbc00, 0xfc00, 0x8000, 0xfe00, 0x3c00};
        const uint16_t want[5] = {0x0000, 0x0000, 0x8000, 0xfe00, 0x3c00};
        uint16_t y[5];
        kiln_relu_f16(x, y, 5);
        KILN_CHECK_BYTES(y, want, sizeof want);
        {
            const uint16_t b[4] = {0xbf80, 0xff80, 0xffc0, 0x0001};
            const uint16_t bw[4] = {0x0000, 0x0000, 0xffc0, 0x0001};
            kiln_relu_bf16(b, y, 4);
            KILN_CHECK_BYTES(y, bw, sizeof bw);
        }
    }
    KILN_TEST_END();
}
