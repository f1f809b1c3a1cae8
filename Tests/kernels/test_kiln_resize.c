#include "kiln_resize.h"
#include "kiln_test.h"

int main(void)
{
    /* 1-D linear 2 → 4 (half_pixel, edge clamped): taps per output {0,0},{0,1},{0,1},{1,1} */
    {
        const float x[2] = {1, 3}, want[4] = {1, 1.5f, 2.5f, 3};
        const int32_t shape[1] = {4}, taps[1] = {2};
        const int32_t off[8] = {0, 0, 0, 1, 0, 1, 1, 1};
        const float w[8] = {0, 1, 0.75f, 0.25f, 0.25f, 0.75f, 0, 1};
        float y[4];
        kiln_resize_f32(x, y, 1, shape, taps, off, w, 0);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    /* 2-D bilinear of a 2x2 to 1x1 at the center, with an unresized leading dim of 2 (taps 1) */
    {
        const double x[8] = {1, 2, 3, 4, 10, 20, 30, 40}, want[2] = {2.5, 25};
        const int32_t shape[3] = {2, 1, 1}, taps[3] = {1, 2, 2};
        const int32_t off[6] = {0, 4, 0, 2, 0, 1};
        const float w[6] = {1, 1, 0.5f, 0.5f, 0.5f, 0.5f};
        double y[2];
        kiln_resize_f64(x, y, 3, shape, taps, off, w, 0);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    /* outside the crop box (negative first offset) gives the extrapolation value */
    {
        const float x[2] = {1, 3}, want[2] = {10, 3};
        const int32_t shape[1] = {2}, taps[1] = {2};
        const int32_t off[4] = {-1, -1, 1, 1};
        const float w[4] = {0.5f, 0.5f, 0.5f, 0.5f};
        float y[2];
        kiln_resize_f32(x, y, 1, shape, taps, off, w, 10);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    /* uint8 rounds half to even and saturates (cubic-like weights overshoot) */
    {
        const uint8_t x[2] = {1, 2}, want[3] = {2, 255, 0};
        const int32_t shape[1] = {3}, taps[1] = {2};
        const int32_t off[6] = {0, 1, 0, 1, 0, 1};
        const float w[6] = {0.5f, 0.5f, -10, 200, 5, -10};
        uint8_t y[3];
        kiln_resize_u8(x, y, 1, shape, taps, off, w, 0);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    /* float16 in and out */
    {
        const uint16_t x[2] = {0x3c00, 0x4200}, want[1] = {0x4000}; /* 1, 3 → 2 */
        const int32_t shape[1] = {1}, taps[1] = {2};
        const int32_t off[2] = {0, 1};
        const float w[2] = {0.5f, 0.5f};
        uint16_t y[1];
        kiln_resize_f16(x, y, 1, shape, taps, off, w, 0);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    KILN_TEST_END();
}
