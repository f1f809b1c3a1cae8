#include "kiln_pow.h"
#include "kiln_test.h"

int main(void)
{
    const int32_t s1[1] = {1}, s0[1] = {0};
    {
        const float a[4] = {2.0f, 4.0f, -8.0f, 0.0f}, b[4] = {3.0f, 0.5f, 1.0f / 3.0f, -1.0f};
        float y[4];
        const int32_t n[1] = {4};
        kiln_pow_f32_f32(a, b, y, 1, n, s1, s1);
        KILN_CHECK(y[0] == 8.0f && y[1] == 2.0f && y[2] != y[2] && y[3] == 1.0f / 0.0f);
    }
    {
        /* float base, int64 exponent broadcast as a scalar */
        const float a[3] = {2.0f, -3.0f, 0.5f};
        const int64_t b[1] = {-2};
        const float want[3] = {0.25f, 1.0f / 9.0f, 4.0f};
        float y[3];
        const int32_t n[1] = {3};
        kiln_pow_f32_i64(a, b, y, 1, n, s1, s0);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    {
        /* integer powers are exact and wrap; negative exponents truncate */
        const int32_t a[8] = {3, 2, -2, 2, 1, -1, 0, 7}, b[8] = {4, 31, 3, -1, -5, -3, -1, 0};
        const int32_t want[8] = {81, INT32_MIN, -8, 0, 1, -1, 0, 1};
        int32_t y[8];
        const int32_t n[1] = {8};
        kiln_pow_i32_i32(a, b, y, 1, n, s1, s1);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    {
        const int64_t a[3] = {2, 3, -1};
        const uint64_t b[3] = {63, 0, UINT64_MAX};
        const int64_t want[3] = {INT64_MIN, 1, -1};
        int64_t y[3];
        const int32_t n[1] = {3};
        kiln_pow_i64_u64(a, b, y, 1, n, s1, s1);
        KILN_CHECK_BYTES(y, want, sizeof want);
        {
            const int8_t e8[3] = {2, 1, -2};
            const int64_t w8[3] = {4, 3, 1};
            kiln_pow_i64_i8(a, e8, y, 1, n, s1, s1);
            KILN_CHECK_BYTES(y, w8, sizeof w8);
        }
    }
    {
        /* integer base, float exponent: double pow, truncated, saturated, NaN -> 0 */
        const int32_t a[4] = {2, 10, -8, 9};
        const float b[4] = {0.5f, 10.0f, 0.5f, 0.5f};
        const int32_t want[4] = {1, INT32_MAX, 0, 3};
        int32_t y[4];
        const int32_t n[1] = {4};
        kiln_pow_i32_f32(a, b, y, 1, n, s1, s1);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    {
        /* half types */
        const uint16_t a[2] = {0x4000, 0x3c00}, b[1] = {0x4000}; /* 2, 1 ^ 2 */
        uint16_t y[2];
        const int32_t n[1] = {2};
        kiln_pow_f16_f16(a, b, y, 1, n, s1, s0);
        KILN_CHECK(y[0] == 0x4400 && y[1] == 0x3c00);
        kiln_pow_bf16_i32((const uint16_t[]){0x4000}, (const int32_t[]){10}, y, 0, n, s1, s1);
        KILN_CHECK(y[0] == 0x4480); /* 1024 */
        {
            double d[1];
            kiln_pow_f64_u8((const double[]){-2.0}, (const uint8_t[]){3}, d, 0, n, s1, s1);
            KILN_CHECK(d[0] == -8.0);
        }
    }
    KILN_TEST_END();
}
