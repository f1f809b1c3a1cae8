#include "kiln_prelu.h"
#include "kiln_test.h"

int main(void)
{
    {
        /* x [2,3], slope [3] */
        const float x[6] = {-1, 2, -3, 4, -5, 0}, s[3] = {0.5f, 2, -1};
        const float want[6] = {-0.5f, 2, 3, 4, -10, 0};
        float y[6];
        const int32_t shape[2] = {2, 3}, sx[2] = {3, 1}, ss[2] = {0, 1};
        kiln_prelu_f32(x, s, y, 2, shape, sx, ss);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    {
        /* integers wrap; NaN passes through */
        const int32_t x[3] = {-1073741824, -1073741824, 5}, s[3] = {2, 4, 9};
        const int32_t want[3] = {INT32_MIN, 0, 5};
        int32_t y[3];
        const int32_t n[1] = {3}, s1[1] = {1};
        kiln_prelu_i32(x, s, y, 1, n, s1, s1);
        KILN_CHECK_BYTES(y, want, sizeof want);
        {
            float f[1];
            kiln_prelu_f32((const float[]){0.0f / 0.0f}, (const float[]){2.0f}, f, 0, n, s1, s1);
            KILN_CHECK(f[0] != f[0]);
        }
        {
            uint16_t h[2] = {0xc000, 0x4000}; /* -2, 2; slope 0.25, in place */
            kiln_prelu_f16(h, (const uint16_t[]){0x3400}, h, 1, (const int32_t[]){2}, s1, (const int32_t[]){0});
            KILN_CHECK(h[0] == 0xb800 && h[1] == 0x4000);
        }
    }
    KILN_TEST_END();
}
