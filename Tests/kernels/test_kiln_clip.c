#include "kiln_clip.h"
#include "kiln_test.h"

int main(void)
{
    const float nan = 0.0f / 0.0f, inf = 1.0f / 0.0f;
    {
        const float x[5] = {-5, 0.5f, 5, -inf, inf}, lo[1] = {-1}, hi[1] = {1};
        const float both[5] = {-1, 0.5f, 1, -1, 1}, lonly[5] = {-1, 0.5f, 5, -1, inf};
        float y[5];
        kiln_clip_f32(x, y, 5, lo, hi);
        KILN_CHECK_BYTES(y, both, sizeof both);
        kiln_clip_f32(x, y, 5, lo, 0);
        KILN_CHECK_BYTES(y, lonly, sizeof lonly);
        kiln_clip_f32(x, y, 5, 0, 0);
        KILN_CHECK_BYTES(y, x, sizeof x);
        /* min > max: everything becomes max */
        kiln_clip_f32(x, y, 5, hi, lo);
        KILN_CHECK(y[0] == -1 && y[1] == -1 && y[2] == -1);
        /* NaN stays NaN */
        kiln_clip_f32((const float[]){nan}, y, 1, lo, hi);
        KILN_CHECK(y[0] != y[0]);
    }
    {
        int8_t x[4] = {-128, -5, 0, 127};
        const int8_t lo[1] = {-3}, want[4] = {-3, -3, 0, 127};
        kiln_clip_i8(x, x, 4, lo, 0); /* in place */
        KILN_CHECK_BYTES(x, want, sizeof want);
    }
    {
        const uint64_t x[2] = {UINT64_MAX, 3}, hi[1] = {10};
        const uint64_t want[2] = {10, 3};
        uint64_t y[2];
        kiln_clip_u64(x, y, 2, 0, hi);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    {
        /* float16: [-2, 0.5, 2] clipped to [-1, 1] */
        const uint16_t x[3] = {0xc000, 0x3800, 0x4000}, lo[1] = {0xbc00}, hi[1] = {0x3c00};
        const uint16_t want[3] = {0xbc00, 0x3800, 0x3c00};
        uint16_t y[3];
        kiln_clip_f16(x, y, 3, lo, hi);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    KILN_TEST_END();
}
