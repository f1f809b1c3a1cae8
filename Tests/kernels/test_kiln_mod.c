#include "kiln_mod.h"
#include "kiln_test.h"

int main(void)
{
    const int32_t s1[1] = {1}, s0[1] = {0};
    {
        const int32_t a[6] = {5, -5, 5, -5, 5, INT32_MIN}, b[6] = {3, 3, -3, -3, 0, -1};
        const int32_t mod[6] = {2, 1, -1, -2, 0, 0}, fmod[6] = {2, -2, 2, -2, 0, 0};
        int32_t y[6];
        const int32_t n[1] = {6};
        kiln_mod_i32(a, b, y, 1, n, s1, s1);
        KILN_CHECK_BYTES(y, mod, sizeof mod);
        kiln_fmod_i32(a, b, y, 1, n, s1, s1);
        KILN_CHECK_BYTES(y, fmod, sizeof fmod);
    }
    {
        const int8_t a[3] = {-128, -128, 127}, b[3] = {-1, 3, -128};
        const int8_t mod[3] = {0, 1, -1};
        int8_t y[3];
        const int32_t n[1] = {3};
        kiln_mod_i8(a, b, y, 1, n, s1, s1);
        KILN_CHECK_BYTES(y, mod, sizeof mod);
        {
            const int64_t a64[2] = {INT64_MIN, -7}, b64[1] = {-1};
            int64_t y64[2];
            const int32_t n2[1] = {2};
            kiln_mod_i64(a64, b64, y64, 1, n2, s1, s0);
            KILN_CHECK(y64[0] == 0 && y64[1] == 0);
        }
    }
    {
        const uint8_t a[3] = {200, 7, 9}, b[3] = {7, 0, 3};
        const uint8_t want[3] = {4, 0, 0};
        uint8_t y[3];
        const int32_t n[1] = {3};
        kiln_mod_u8(a, b, y, 1, n, s1, s1);
        KILN_CHECK_BYTES(y, want, sizeof want);
        kiln_fmod_u8(a, b, y, 1, n, s1, s1);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    {
        /* floats: the sign of the divisor (mod) or of the dividend (fmod); zero results take the divisor's sign */
        const float a[5] = {-5.5f, 5.5f, 4.0f, 1.0f, -1.0f}, b[5] = {2.0f, -2.0f, -2.0f, 0.0f, 1.0f / 0.0f};
        const float mod[4] = {0.5f, -0.5f, -0.0f};
        const float fmod[3] = {-1.5f, 1.5f, 0.0f};
        float y[5];
        const int32_t n[1] = {5};
        kiln_mod_f32(a, b, y, 1, n, s1, s1);
        KILN_CHECK_BYTES(y, mod, 3 * sizeof(float));
        KILN_CHECK(y[3] != y[3] && y[4] == 1.0f / 0.0f);
        kiln_fmod_f32(a, b, y, 1, n, s1, s1);
        KILN_CHECK_BYTES(y, fmod, sizeof fmod);
        KILN_CHECK(y[3] != y[3] && y[4] == -1.0f);
    }
    {
        const uint16_t a[2] = {0xc580, 0x4580}, b[1] = {0x4000}; /* -5.5, 5.5 mod 2 */
        uint16_t y[2];
        const int32_t n[1] = {2};
        kiln_mod_f16(a, b, y, 1, n, s1, s0);
        KILN_CHECK(y[0] == 0x3800 && y[1] == 0x3e00); /* 0.5, 1.5 */
        kiln_fmod_f16(a, b, y, 1, n, s1, s0);
        KILN_CHECK(y[0] == 0xbe00 && y[1] == 0x3e00);
        {
            double d[1];
            kiln_mod_f64((const double[]){-1e-20}, (const double[]){3.0}, d, 0, n, s1, s1);
            KILN_CHECK(d[0] == 3.0); /* -1e-20 + 3 rounds to 3 */
        }
    }
    KILN_TEST_END();
}
