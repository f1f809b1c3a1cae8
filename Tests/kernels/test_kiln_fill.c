#include "kiln_fill.h"
#include "kiln_test.h"

int main(void)
{
    const uint8_t one = 1, want8[3] = {1, 1, 1};
    const uint16_t half = 0x3c00, want16[2] = {0x3c00, 0x3c00};
    const float neg = -0.0f, want32[3] = {-0.0f, -0.0f, -0.0f};
    const int64_t big = INT64_MIN, want64[2] = {INT64_MIN, INT64_MIN};
    uint8_t y8[4] = {0, 0, 0, 5};
    uint16_t y16[2];
    float y32[3];
    int64_t y64[2];
    kiln_fill_b8(y8, 3, &one);
    KILN_CHECK_BYTES(y8, want8, sizeof want8);
    KILN_CHECK(y8[3] == 5);
    kiln_fill_b16(y16, 2, &half);
    KILN_CHECK_BYTES(y16, want16, sizeof want16);
    kiln_fill_b32(y32, 3, &neg);
    KILN_CHECK_BYTES(y32, want32, sizeof want32);
    kiln_fill_b64(y64, 2, &big);
    KILN_CHECK_BYTES(y64, want64, sizeof want64);
    kiln_fill_b32(y32, 0, &neg); /* n = 0 writes nothing */
    KILN_TEST_END();
}
