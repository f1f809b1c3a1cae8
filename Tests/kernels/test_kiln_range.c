#include "kiln_range.h"
#include "kiln_test.h"

int main(void)
{
    {
        const float s = 1, d = 0.5f, want[4] = {1, 1.5f, 2, 2.5f};
        float y[4];
        kiln_range_f32(y, 4, &s, &d);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    {
        const int32_t s = 10, d = -3, want[4] = {10, 7, 4, 1};
        int32_t y[4];
        kiln_range_i32(y, 4, &s, &d);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    {
        /* int16 wraps */
        const int16_t s = 32766, d = 1, want[3] = {32766, 32767, -32768};
        int16_t y[3];
        kiln_range_i16(y, 3, &s, &d);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    {
        const uint16_t s = 0x3c00, d = 0x3800, want[3] = {0x3c00, 0x3e00, 0x4000}; /* 1, 1.5, 2 */
        uint16_t y[3];
        kiln_range_f16(y, 3, &s, &d);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    {
        const int64_t s = INT64_MAX - 1, d = 1, want[2] = {INT64_MAX - 1, INT64_MAX};
        int64_t y[2];
        kiln_range_i64(y, 2, &s, &d);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    {
        /* overflow of float32 gives infinity, not undefined behaviour */
        const float s = 3e38f, d = 3e38f;
        float y[2];
        kiln_range_f32(y, 2, &s, &d);
        KILN_CHECK(y[0] == 3e38f && y[1] > 3.4e38f);
    }
    KILN_TEST_END();
}
