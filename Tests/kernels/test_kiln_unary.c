#include "kiln_unary.h"
#include "kiln_test.h"

int main(void)
{
    const float nan = 0.0f / 0.0f, inf = 1.0f / 0.0f;
    {
        /* integer abs/neg wrap at INT_MIN; sign of every class */
        const int8_t x[4] = {-128, -3, 0, 127};
        const int8_t abs_[4] = {-128, 3, 0, 127}, neg[4] = {-128, 3, 0, -127}, sign[4] = {-1, -1, 0, 1};
        int8_t y[4];
        kiln_abs_i8(x, y, 4);
        KILN_CHECK_BYTES(y, abs_, 4);
        kiln_neg_i8(x, y, 4);
        KILN_CHECK_BYTES(y, neg, 4);
        kiln_sign_i8(x, y, 4);
        KILN_CHECK_BYTES(y, sign, 4);
        {
            const int64_t x64[2] = {INT64_MIN, -1}, want[2] = {INT64_MIN, 1};
            int64_t y64[2];
            kiln_abs_i64(x64, y64, 2);
            KILN_CHECK_BYTES(y64, want, sizeof want);
        }
        {
            const uint32_t ux[3] = {0, 1, UINT32_MAX}, usign[3] = {0, 1, 1};
            uint32_t uy[3];
            kiln_sign_u32(ux, uy, 3);
            KILN_CHECK_BYTES(uy, usign, sizeof usign);
            kiln_abs_u32(ux, uy, 3);
            KILN_CHECK_BYTES(uy, ux, sizeof ux);
        }
    }
    {
        /* float sign keeps NaN and zeros */
        const float x[4] = {-2.5f, 0.0f, nan, inf};
        float y[4];
        kiln_sign_f32(x, y, 4);
        KILN_CHECK(y[0] == -1 && y[1] == 0 && y[2] != y[2] && y[3] == 1);
    }
    {
        /* round: halves to even, also negative; floor/ceil */
        const float x[8] = {0.5f, 1.5f, 2.5f, -0.5f, -1.5f, 2.4f, -2.6f, 8388609.0f};
        const float r[8] = {0, 2, 2, -0.0f, -2, 2, -3, 8388609.0f};
        float y[8];
        kiln_round_f32(x, y, 8);
        KILN_CHECK_BYTES(y, r, sizeof r);
        kiln_floor_f32(x, y, 2);
        KILN_CHECK(y[0] == 0 && y[1] == 1);
        kiln_ceil_f32(x + 3, y, 2);
        KILN_CHECK(y[0] == 0 && y[1] == -1);
        {
            const double dx[4] = {2.5, -3.5, 0.49999999999999994, 4503599627370497.0};
            const double dr[4] = {2, -4, 0, 4503599627370497.0};
            double dy[4];
            kiln_round_f64(dx, dy, 4);
            KILN_CHECK_BYTES(dy, dr, sizeof dr);
        }
        {
            /* float16 2.5 -> 2, 3.5 -> 4; NaN and inf pass through */
            const uint16_t hx[4] = {0x4100, 0x4300, 0x7c00, 0xfc00}, hr[4] = {0x4000, 0x4400, 0x7c00, 0xfc00};
            uint16_t hy[4];
            kiln_round_f16(hx, hy, 4);
            KILN_CHECK_BYTES(hy, hr, sizeof hr);
        }
    }
    {
        /* exact math results and special values */
        const float x[4] = {0.0f, 1.0f, 4.0f, -inf};
        float y[4];
        kiln_exp_f32(x, y, 4);
        KILN_CHECK(y[0] == 1.0f && y[3] == 0.0f);
        kiln_log_f32(x, y, 2);
        KILN_CHECK(y[0] == -inf && y[1] == 0.0f);
        kiln_sqrt_f32(x, y, 3);
        KILN_CHECK(y[0] == 0 && y[1] == 1 && y[2] == 2);
        kiln_reciprocal_f32(x, y, 3);
        KILN_CHECK(y[0] == inf && y[1] == 1 && y[2] == 0.25f);
        kiln_erf_f32(x, y, 1);
        KILN_CHECK(y[0] == 0);
        {
            const float neg[1] = {-1.0f};
            kiln_sqrt_f32(neg, y, 1);
            KILN_CHECK(y[0] != y[0]);
            kiln_log_f32(neg, y, 1);
            KILN_CHECK(y[0] != y[0]);
        }
    }
    {
        /* float16/bfloat16: sign-bit abs/neg, math through float */
        const uint16_t h[3] = {0xbc00, 0x3c00, 0x7e00};
        const uint16_t habs[3] = {0x3c00, 0x3c00, 0x7e00}, hneg[3] = {0x3c00, 0xbc00, 0xfe00};
        uint16_t y[3];
        kiln_abs_f16(h, y, 3);
        KILN_CHECK_BYTES(y, habs, sizeof habs);
        kiln_neg_f16(h, y, 3);
        KILN_CHECK_BYTES(y, hneg, sizeof hneg);
        {
            const uint16_t four[2] = {0x4400, 0x4080}; /* f16 4.0, bf16 4.0 */
            kiln_sqrt_f16(four, y, 1);
            KILN_CHECK(y[0] == 0x4000);
            kiln_sqrt_bf16(four + 1, y, 1);
            KILN_CHECK(y[0] == 0x4000);
            kiln_exp_bf16((const uint16_t[]){0x0000}, y, 1);
            KILN_CHECK(y[0] == 0x3f80);
        }
    }
    {
        /* isnan / isinf with detection flags, all float types */
        const float x[4] = {nan, inf, -inf, 1.0f};
        const uint8_t isnan_[4] = {1, 0, 0, 0}, both[4] = {0, 1, 1, 0}, pos[4] = {0, 1, 0, 0}, negw[4] = {0, 0, 1, 0};
        uint8_t y[4];
        kiln_isnan_f32(x, y, 4);
        KILN_CHECK_BYTES(y, isnan_, 4);
        kiln_isinf_f32(x, y, 4, 1, 1);
        KILN_CHECK_BYTES(y, both, 4);
        kiln_isinf_f32(x, y, 4, 1, 0);
        KILN_CHECK_BYTES(y, pos, 4);
        kiln_isinf_f32(x, y, 4, 0, 1);
        KILN_CHECK_BYTES(y, negw, 4);
        {
            const uint16_t h[4] = {0x7e01, 0x7c00, 0xfc00, 0x3c00}, b[4] = {0xffc1, 0x7f80, 0xff80, 0x3f80};
            const double d[4] = {0.0 / 0.0, 1.0 / 0.0, -1.0 / 0.0, 1.0};
            kiln_isnan_f16(h, y, 4);
            KILN_CHECK_BYTES(y, isnan_, 4);
            kiln_isnan_bf16(b, y, 4);
            KILN_CHECK_BYTES(y, isnan_, 4);
            kiln_isinf_f16(h, y, 4, 1, 1);
            KILN_CHECK_BYTES(y, both, 4);
            kiln_isinf_bf16(b, y, 4, 0, 1);
            KILN_CHECK_BYTES(y, negw, 4);
            kiln_isinf_f64(d, y, 4, 1, 1);
            KILN_CHECK_BYTES(y, both, 4);
        }
    }
    {
        /* in place */
        float v[3] = {-1.0f, 2.0f, -3.0f};
        const float want[3] = {1.0f, 2.0f, 3.0f};
        kiln_abs_f32(v, v, 3);
        KILN_CHECK_BYTES(v, want, sizeof want);
    }
    KILN_TEST_END();
}
