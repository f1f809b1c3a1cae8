#include "kiln_logic.h"
#include "kiln_test.h"

int main(void)
{
    const int32_t n4[1] = {4}, s1[1] = {1}, s0[1] = {0};
    {
        const uint8_t a[4] = {0, 0, 1, 1}, b[4] = {0, 1, 0, 1};
        const uint8_t and_[4] = {0, 0, 0, 1}, or_[4] = {0, 1, 1, 1}, xor_[4] = {0, 1, 1, 0}, not_[4] = {1, 1, 0, 0};
        uint8_t y[4];
        kiln_and_bool(a, b, y, 1, n4, s1, s1);
        KILN_CHECK_BYTES(y, and_, 4);
        kiln_or_bool(a, b, y, 1, n4, s1, s1);
        KILN_CHECK_BYTES(y, or_, 4);
        kiln_xor_bool(a, b, y, 1, n4, s1, s1);
        KILN_CHECK_BYTES(y, xor_, 4);
        kiln_not_bool(a, y, 4);
        KILN_CHECK_BYTES(y, not_, 4);
        /* broadcast [2,1] and [2] -> [2,2] */
        {
            const int32_t sh[2] = {2, 2}, sa[2] = {1, 0}, sb[2] = {0, 1};
            const uint8_t ca[2] = {0, 1}, cb[2] = {1, 0}, want[4] = {1, 0, 1, 1};
            kiln_or_bool(ca, cb, y, 2, sh, sa, sb);
            KILN_CHECK_BYTES(y, want, 4);
        }
        /* not in place */
        {
            uint8_t v[2] = {0, 1};
            const uint8_t want[2] = {1, 0};
            kiln_not_bool(v, v, 2);
            KILN_CHECK_BYTES(v, want, 2);
        }
    }
    {
        /* bitwise on signed and unsigned */
        const int16_t a[4] = {-1, 0x0f0f, -32768, 5}, b[4] = {0x1234, 0x00ff, -1, 3};
        const int16_t and_[4] = {0x1234, 0x000f, -32768, 1}, or_[4] = {-1, 0x0fff, -1, 7},
                      xor_[4] = {(int16_t)0xedcb, 0x0ff0, 32767, 6}, not_[4] = {0, (int16_t)0xf0f0, 32767, -6};
        int16_t y[4];
        kiln_bitwise_and_i16(a, b, y, 1, n4, s1, s1);
        KILN_CHECK_BYTES(y, and_, sizeof and_);
        kiln_bitwise_or_i16(a, b, y, 1, n4, s1, s1);
        KILN_CHECK_BYTES(y, or_, sizeof or_);
        kiln_bitwise_xor_i16(a, b, y, 1, n4, s1, s1);
        KILN_CHECK_BYTES(y, xor_, sizeof xor_);
        kiln_bitwise_not_i16(a, y, 4);
        KILN_CHECK_BYTES(y, not_, sizeof not_);
        {
            const uint64_t ua[2] = {UINT64_MAX, 0}, ub[1] = {0xff};
            const uint64_t want[2] = {0xff, 0}, wnot[2] = {0, UINT64_MAX};
            uint64_t uy[2];
            const int32_t n2[1] = {2};
            kiln_bitwise_and_u64(ua, ub, uy, 1, n2, s1, s0);
            KILN_CHECK_BYTES(uy, want, sizeof want);
            kiln_bitwise_not_u64(ua, uy, 2);
            KILN_CHECK_BYTES(uy, wnot, sizeof wnot);
        }
    }
    {
        /* shifts: counts < 0 or >= width give 0 (or -1 for a right shift of a negative value) */
        const int8_t a[4] = {-128, 1, -7, 100}, b[4] = {1, 7, 1, 8};
        const int8_t shl[4] = {0, -128, -14, 0}, shr[4] = {-64, 0, -4, 0};
        int8_t y[4];
        kiln_bitshift_left_i8(a, b, y, 1, n4, s1, s1);
        KILN_CHECK_BYTES(y, shl, 4);
        kiln_bitshift_right_i8(a, b, y, 1, n4, s1, s1);
        KILN_CHECK_BYTES(y, shr, 4);
        {
            const int32_t ia[4] = {-5, -5, 5, INT32_MIN}, ib[4] = {-1, 40, 32, 31};
            const int32_t wl[4] = {0, 0, 0, 0}, wr[4] = {-1, -1, 0, -1};
            int32_t iy[4];
            kiln_bitshift_left_i32(ia, ib, iy, 1, n4, s1, s1);
            KILN_CHECK_BYTES(iy, wl, sizeof wl);
            kiln_bitshift_right_i32(ia, ib, iy, 1, n4, s1, s1);
            KILN_CHECK_BYTES(iy, wr, sizeof wr);
        }
        {
            const uint8_t ua[4] = {16, 4, 1, 255}, ub[4] = {1, 2, 7, 8};
            const uint8_t wl[4] = {32, 16, 128, 0}, wr[4] = {8, 1, 0, 0};
            uint8_t uy[4];
            kiln_bitshift_left_u8(ua, ub, uy, 1, n4, s1, s1);
            KILN_CHECK_BYTES(uy, wl, 4);
            kiln_bitshift_right_u8(ua, ub, uy, 1, n4, s1, s1);
            KILN_CHECK_BYTES(uy, wr, 4);
        }
        {
            const uint64_t ua[3] = {1, UINT64_MAX, 3}, ub[3] = {63, 64, UINT64_MAX};
            const uint64_t wl[3] = {(uint64_t)1 << 63, 0, 0};
            uint64_t uy[3];
            const int32_t n3[1] = {3};
            kiln_bitshift_left_u64(ua, ub, uy, 1, n3, s1, s1);
            KILN_CHECK_BYTES(uy, wl, sizeof wl);
        }
        {
            const uint16_t ua[1] = {65535}, ub[1] = {15};
            uint16_t uy[1];
            kiln_bitshift_left_u16(ua, ub, uy, 0, n4, s1, s1);
            KILN_CHECK(uy[0] == 0x8000);
        }
    }
    KILN_TEST_END();
}
