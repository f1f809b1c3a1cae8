#include "kiln_rotary.h"
#include "kiln_test.h"

int main(void)
{
    const float x[4] = {1, 2, 3, 4};
    /* caches with two rows of two angles: row 0 = (90 deg, 0 deg), row 1 = (0 deg, 0 deg) */
    const float cosc[4] = {0, 1, 1, 1}, sinc[4] = {1, 0, 0, 0};
    float y[4];
    /* half split: pairs (x0, x2), (x1, x3) */
    {
        const int64_t pos[1] = {0};
        const float want[4] = {-3, 2, 1, 4};
        kiln_rotary_f32(x, cosc, sinc, pos, y, 1, 1, 1, 4, 4, 0, 4, 4, 4, 2);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    /* interleaved: pairs (x0, x1), (x2, x3); negative position -2 is row 0 */
    {
        const int64_t pos[1] = {-2};
        const float want[4] = {-2, 1, 3, 4};
        kiln_rotary_f32(x, cosc, sinc, pos, y, 1, 1, 1, 4, 4, 1, 4, 4, 4, 2);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    /* rotary dim 2 of 4 without position ids (caches [B, S, 1]); the tail is copied */
    {
        const float c1[1] = {0}, s1[1] = {1};
        const float want[4] = {-2, 1, 3, 4};
        kiln_rotary_f32(x, c1, s1, 0, y, 1, 1, 1, 4, 2, 0, 4, 4, 4, 0);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    /* position outside the cache zeroes the rotated part; in place */
    {
        const int64_t pos[1] = {7};
        float z[4] = {1, 2, 3, 4};
        const float want[4] = {0, 0, 0, 0};
        kiln_rotary_f32(z, cosc, sinc, pos, z, 1, 1, 1, 4, 4, 0, 4, 4, 4, 2);
        KILN_CHECK_BYTES(z, want, sizeof want);
    }
    /* bfloat16, two heads with strides of a [B, S, H*D] layout */
    {
        const uint16_t xb[4] = {0x3f80, 0x4000, 0x4040, 0x4080}; /* 1 2 3 4 */
        const uint16_t cb[1] = {0}, sb[1] = {0x3f80};
        const uint16_t want[4] = {0xc000, 0x3f80, 0xc080, 0x4040}; /* -2 1 -4 3 */
        uint16_t yb[4];
        kiln_rotary_bf16(xb, cb, sb, 0, yb, 1, 1, 2, 2, 2, 0, 4, 4, 2, 0);
        KILN_CHECK_BYTES(yb, want, sizeof want);
    }
    KILN_TEST_END();
}
