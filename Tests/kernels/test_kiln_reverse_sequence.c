#include "kiln_reverse_sequence.h"
#include "kiln_test.h"

int main(void)
{
    /* time-major 4x4 (time_axis 0, batch_axis 1), lens {4, 3, 2, 1} */
    {
        const float x[16] = {0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15};
        const float want[16] = {3, 6, 9, 12, 2, 5, 8, 13, 1, 4, 10, 14, 0, 7, 11, 15};
        const int64_t lens[4] = {4, 3, 2, 1};
        float y[16];
        kiln_reverse_sequence(x, lens, y, 4, 4, 1, 4);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    /* batch-major 2x3 int16, lens clamped: -5 → 0 (copy), 99 → 3 (full reverse) */
    {
        const int16_t x[6] = {1, 2, 3, 4, 5, 6}, want[6] = {1, 2, 3, 6, 5, 4};
        const int64_t lens[2] = {-5, 99};
        int16_t y[6];
        kiln_reverse_sequence(x, lens, y, 2, 3, 0, 2);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    KILN_TEST_END();
}
