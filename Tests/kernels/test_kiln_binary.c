#include "kiln_binary.h"
#include "kiln_test.h"

int main(void)
{
    /* [2,3] + [3] broadcast */
    const float a[6] = {1, 2, 3, 4, 5, 6}, b[3] = {10, 20, 30};
    const float want[6] = {11, 22, 33, 14, 25, 36};
    float y[6];
    const int32_t shape[2] = {2, 3}, sa[2] = {3, 1}, sb[2] = {0, 1};
    const int8_t i8a[4] = {127, -128, 100, -7}, i8b[4] = {1, -1, 0, 2};
    const int8_t i8sum[4] = {-128, 127, 100, -5}, i8div[4] = {127, -128, 0, -3};
    const int8_t i8mul[4] = {127, -128, 0, -14}, i8sub[4] = {126, -127, 100, -9};
    int8_t i8y[4];
    const int32_t n4[1] = {4}, s1[1] = {1}, s0[1] = {0};
    kiln_add_f32(a, b, y, 2, shape, sa, sb);
    KILN_CHECK_BYTES(y, want, sizeof want);
    /* integer add/sub/mul wrap, division by zero gives 0, INT_MIN / -1 wraps, truncation toward zero */
    kiln_add_i8(i8a, i8b, i8y, 1, n4, s1, s1);
    KILN_CHECK_BYTES(i8y, i8sum, sizeof i8sum);
    kiln_sub_i8(i8a, i8b, i8y, 1, n4, s1, s1);
    KILN_CHECK_BYTES(i8y, i8sub, sizeof i8sub);
    kiln_mul_i8(i8a, i8b, i8y, 1, n4, s1, s1);
    KILN_CHECK_BYTES(i8y, i8mul, sizeof i8mul);
    kiln_div_i8(i8a, i8b, i8y, 1, n4, s1, s1);
    KILN_CHECK_BYTES(i8y, i8div, sizeof i8div);
    {
        const int64_t a64[3] = {INT64_MIN, INT64_MAX, -9}, b64[3] = {-1, 0, 4};
        const int64_t div64[3] = {INT64_MIN, 0, -2}, mul64[3] = {INT64_MIN, 0, -36};
        int64_t y64[3];
        const int32_t n3[1] = {3};
        kiln_div_i64(a64, b64, y64, 1, n3, s1, s1);
        KILN_CHECK_BYTES(y64, div64, sizeof div64);
        kiln_mul_i64(a64, b64, y64, 1, n3, s1, s1);
        KILN_CHECK_BYTES(y64, mul64, sizeof mul64);
    }
    {
        /* unsigned: wrap below zero, 16-bit products do not overflow int */
        const uint16_t ua[3] = {1, 65535, 7}, ub[3] = {2, 65535, 0};
        const uint16_t usub[3] = {65535, 0, 7}, umul[3] = {2, 1, 0}, udiv[3] = {0, 1, 0};
        uint16_t uy[3];
        const int32_t n3[1] = {3};
        kiln_sub_u16(ua, ub, uy, 1, n3, s1, s1);
        KILN_CHECK_BYTES(uy, usub, sizeof usub);
        kiln_mul_u16(ua, ub, uy, 1, n3, s1, s1);
        KILN_CHECK_BYTES(uy, umul, sizeof umul);
        kiln_div_u16(ua, ub, uy, 1, n3, s1, s1);
        KILN_CHECK_BYTES(uy, udiv, sizeof udiv);
    }
    {
        /* max/min propagate NaN from either side */
        const float nan = 0.0f / 0.0f;
        const float fa[3] = {1, nan, 3}, fb[3] = {2, 1, nan};
        float fy[3];
        const int32_t n3[1] = {3};
        kiln_max_f32(fa, fb, fy, 1, n3, s1, s1);
        KILN_CHECK(fy[0] == 2 && fy[1] != fy[1] && fy[2] != fy[2]);
        kiln_min_f32(fa, fb, fy, 1, n3, s1, s1);
        KILN_CHECK(fy[0] == 1 && fy[1] != fy[1] && fy[2] != fy[2]);
    }
    {
        /* float16: 1 + 2 = 3, 65504 + 65504 = inf, scalar broadcast of 0.5 */
        const uint16_t ha[3] = {0x3c00, 0x7bff, 0xc000}, hb[1] = {0x3800};
        const uint16_t hsum[3] = {0x3e00, 0x7bff, 0xbe00}, hmul[3] = {0x3800, 0x77ff, 0xbc00};
        uint16_t hy[3];
        const int32_t n3[1] = {3};
        kiln_add_f16(ha, hb, hy, 1, n3, s1, s0);
        KILN_CHECK_BYTES(hy, hsum, sizeof hsum);
        kiln_mul_f16(ha, hb, hy, 1, n3, s1, s0);
        KILN_CHECK_BYTES(hy, hmul, sizeof hmul);
        kiln_add_f16(ha, ha, hy, 1, n3, s1, s1);
        KILN_CHECK(hy[1] == 0x7c00 && hy[0] == 0x4000);
    }
    {
        /* bfloat16: 1 + 1 = 2; 1 + 2^-8 rounds to even (1) */
        const uint16_t ba[2] = {0x3f80, 0x3f80}, bb[2] = {0x3f80, 0x3b80};
        const uint16_t bsum[2] = {0x4000, 0x3f80};
        uint16_t by[2];
        const int32_t n2[1] = {2};
        kiln_add_bf16(ba, bb, by, 1, n2, s1, s1);
        KILN_CHECK_BYTES(by, bsum, sizeof bsum);
    }
    {
        /* rank 0 (scalars) and an empty tensor */
        const double da[1] = {1.5}, db[1] = {2};
        double dy[1] = {0};
        kiln_mul_f64(da, db, dy, 0, n4, s1, s1);
        KILN_CHECK(dy[0] == 3.0);
        {
            const int32_t zero[2] = {0, 3};
            kiln_add_f64(da, db, dy, 2, zero, sa, sb);
            KILN_CHECK(dy[0] == 3.0);
        }
    }
    /* in place: y aliases a */
    {
        float inplace[6] = {1, 2, 3, 4, 5, 6};
        kiln_add_f32(inplace, b, inplace, 2, shape, sa, sb);
        KILN_CHECK_BYTES(inplace, want, sizeof want);
    }
    {
        /* rank 3 broadcast [2,1,2] * [1,3,1] */
        const int32_t ia[4] = {1, 2, 3, 4}, ib[3] = {10, 20, 30};
        const int32_t want3[12] = {10, 20, 20, 40, 30, 60, 30, 40, 60, 80, 90, 120};
        int32_t iy[12];
        const int32_t sh3[3] = {2, 3, 2}, sa3[3] = {2, 0, 1}, sb3[3] = {0, 1, 0};
        kiln_mul_i32(ia, ib, iy, 3, sh3, sa3, sb3);
        KILN_CHECK_BYTES(iy, want3, sizeof want3);
    }
    KILN_TEST_END();
}
