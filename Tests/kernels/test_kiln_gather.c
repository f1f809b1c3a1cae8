#include "kiln_gather.h"
#include "kiln_test.h"

int main(void)
{
    /* axis 0 of a 3x2 float matrix, indices {2, -1, 0}: negative wraps */
    {
        const float x[6] = {1, 2, 3, 4, 5, 6}, want[6] = {5, 6, 5, 6, 1, 2};
        const int64_t idx[3] = {2, -1, 0};
        float y[6];
        kiln_gather_i64(x, idx, y, 1, 3, 3, 8);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    /* axis 1 (outer 2) with int32 indices; out-of-range indices (3, -4, INT32_MIN) give zero rows */
    {
        const int16_t x[6] = {1, 2, 3, 4, 5, 6}, want[8] = {3, 0, 0, 0, 6, 0, 0, 0};
        const int32_t idx[4] = {2, 3, -4, INT32_MIN};
        int16_t y[8];
        kiln_gather_i32(x, idx, y, 2, 3, 4, 2);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    /* INT64_MIN/MAX indices are out of range, never UB */
    {
        const uint8_t x[2] = {7, 8}, want[3] = {0, 0, 8};
        const int64_t idx[3] = {INT64_MIN, INT64_MAX, -1};
        uint8_t y[3];
        kiln_gather_i64(x, idx, y, 1, 2, 3, 1);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    KILN_TEST_END();
}
