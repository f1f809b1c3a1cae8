#include "kiln_onehot.h"
#include "kiln_test.h"

int main(void)
{
    /* int64 indices {0, -1, 3, 9} with depth 4 on the last axis: 9 is out of range, -1 wraps to 3 */
    {
        const int64_t idx[4] = {0, -1, 3, 9};
        const float vals[2] = {-2, 5};
        const float want[16] = {5, -2, -2, -2, -2, -2, -2, 5, -2, -2, -2, 5, -2, -2, -2, -2};
        float y[16];
        kiln_onehot_i64_b32(idx, vals, y, 4, 4, 1);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    /* float indices on axis 0 (outer 1, inner 3): 1.0 selects, 1.5 and NaN select nothing, -1.0 wraps */
    {
        float idx[3] = {1.0f, 1.5f, -1.0f};
        const int32_t vals[2] = {0, 7};
        const int32_t want[6] = {0, 0, 0, 7, 0, 7};
        int32_t y[6];
        kiln_onehot_f32_b32(idx, vals, y, 1, 2, 3);
        KILN_CHECK_BYTES(y, want, sizeof want);
        {
            uint32_t nan_bits = 0x7fc00000u;
            const int32_t none[6] = {0, 0, 0, 0, 0, 0};
            memcpy(&idx[0], &nan_bits, sizeof nan_bits);
            idx[1] = 1e30f;
            idx[2] = -1e30f;
            kiln_onehot_f32_b32(idx, vals, y, 1, 2, 3);
            KILN_CHECK_BYTES(y, none, sizeof none);
        }
    }
    /* uint64 index above INT64_MAX is out of range; bfloat16 values */
    {
        const uint64_t idx[2] = {UINT64_MAX, 1};
        const uint16_t vals[2] = {0x0000, 0x3f80};
        const uint16_t want[4] = {0, 0, 0, 0x3f80};
        uint16_t y[4];
        kiln_onehot_u64_b16(idx, vals, y, 2, 2, 1);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    KILN_TEST_END();
}
