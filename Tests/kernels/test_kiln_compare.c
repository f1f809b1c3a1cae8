#include "kiln_compare.h"
#include "kiln_test.h"

int main(void)
{
    const int32_t n4[1] = {4}, s1[1] = {1}, s0[1] = {0};
    {
        /* NaN compares false (equal and ordered), +0 == -0 */
        const float nan = 0.0f / 0.0f;
        const float a[4] = {1, nan, 0.0f, 3}, b[4] = {1, nan, -0.0f, 2};
        const uint8_t eq[4] = {1, 0, 1, 0}, lt[4] = {0, 0, 0, 0}, gt[4] = {0, 0, 0, 1}, le[4] = {1, 0, 1, 0},
                      ge[4] = {1, 0, 1, 1};
        uint8_t y[4];
        kiln_equal_f32(a, b, y, 1, n4, s1, s1);
        KILN_CHECK_BYTES(y, eq, 4);
        kiln_less_f32(a, b, y, 1, n4, s1, s1);
        KILN_CHECK_BYTES(y, lt, 4);
        kiln_greater_f32(a, b, y, 1, n4, s1, s1);
        KILN_CHECK_BYTES(y, gt, 4);
        kiln_less_equal_f32(a, b, y, 1, n4, s1, s1);
        KILN_CHECK_BYTES(y, le, 4);
        kiln_greater_equal_f32(a, b, y, 1, n4, s1, s1);
        KILN_CHECK_BYTES(y, ge, 4);
    }
    {
        /* signed vs unsigned ordering of the same bit patterns, scalar broadcast */
        const int8_t a[4] = {-1, 0, 127, -128}, b[1] = {0};
        const uint8_t ua[4] = {255, 0, 127, 128}, ub[1] = {0};
        const uint8_t slt[4] = {1, 0, 0, 1}, ugt[4] = {1, 0, 1, 1};
        uint8_t y[4];
        kiln_less_i8(a, b, y, 1, n4, s1, s0);
        KILN_CHECK_BYTES(y, slt, 4);
        kiln_greater_u8(ua, ub, y, 1, n4, s1, s0);
        KILN_CHECK_BYTES(y, ugt, 4);
    }
    {
        /* 64-bit extremes */
        const int64_t a[2] = {INT64_MIN, INT64_MAX}, b[2] = {INT64_MAX, INT64_MAX};
        const uint64_t ua[2] = {UINT64_MAX, 0}, ub[2] = {0, UINT64_MAX};
        const int32_t n2[1] = {2};
        const uint8_t lt[2] = {1, 0}, eq[2] = {0, 1}, ult[2] = {0, 1};
        uint8_t y[2];
        kiln_less_i64(a, b, y, 1, n2, s1, s1);
        KILN_CHECK_BYTES(y, lt, 2);
        kiln_equal_i64(a, b, y, 1, n2, s1, s1);
        KILN_CHECK_BYTES(y, eq, 2);
        kiln_less_equal_u64(ua, ub, y, 1, n2, s1, s1);
        KILN_CHECK_BYTES(y, ult, 2);
    }
    {
        /* float16: 1.0 < 2.0, -0 == +0, NaN != NaN, -inf < 65504 */
        const uint16_t a[4] = {0x3c00, 0x8000, 0x7e00, 0xfc00}, b[4] = {0x4000, 0x0000, 0x7e00, 0x7bff};
        const uint8_t lt[4] = {1, 0, 0, 1}, eq[4] = {0, 1, 0, 0};
        uint8_t y[4];
        kiln_less_f16(a, b, y, 1, n4, s1, s1);
        KILN_CHECK_BYTES(y, lt, 4);
        kiln_equal_f16(a, b, y, 1, n4, s1, s1);
        KILN_CHECK_BYTES(y, eq, 4);
        /* bfloat16: 1.0 vs 2.0 */
        kiln_greater_equal_bf16((const uint16_t[]){0x3f80}, (const uint16_t[]){0x4000}, y, 0, n4, s1, s1);
        KILN_CHECK(y[0] == 0);
    }
    {
        /* bool equality, [2,1] vs [2] broadcast to [2,2]; any nonzero byte is true */
        const uint8_t a[2] = {0, 2}, b[2] = {0, 1};
        const uint8_t eq[4] = {1, 0, 0, 1};
        uint8_t y[4];
        const int32_t sh[2] = {2, 2}, sa[2] = {1, 0}, sb[2] = {0, 1};
        kiln_equal_bool(a, b, y, 2, sh, sa, sb);
        KILN_CHECK_BYTES(y, eq, 4);
    }
    {
        /* in place into a uint8 operand */
        uint8_t a[4] = {1, 5, 9, 200};
        const uint8_t b[1] = {5}, want[4] = {0, 1, 0, 0};
        kiln_equal_u8(a, b, a, 1, n4, s1, s0);
        KILN_CHECK_BYTES(a, want, 4);
    }
    KILN_TEST_END();
}
