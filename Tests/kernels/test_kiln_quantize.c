#include "kiln_quantize.h"
#include "kiln_test.h"

int main(void)
{
    const int32_t flat[KILN_QL_NPARAMS] = {1, 1, 8, 1, 0, 0, 0};
    {
        /* per-tensor int8: round half to even, saturation, NaN -> zero point, infinities saturate */
        const float x[8] = {0.5f, 1.5f, 2.5f, -0.5f, -1.5f, 1000.0f, 0.0f / 0.0f, -1.0f / 0.0f};
        const float s[1] = {1.0f};
        const int8_t zp[1] = {1};
        const int8_t want[8] = {1, 3, 3, 1, -1, 127, 1, -128};
        int8_t y[8];
        kiln_quantize_f32_i8(x, s, zp, y, flat);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    {
        /* uint8 without zero point; scale 0.5; 2^23 and beyond stay exact */
        const float x[8] = {0.25f, 0.75f, -3.0f, 127.6f, 8388608.0f, 1.2f, 0.74f, 64.0f};
        const float s[1] = {0.5f};
        const uint8_t want[8] = {0, 2, 0, 255, 255, 2, 1, 128};
        uint8_t y[8];
        kiln_quantize_f32_u8(x, s, 0, y, flat);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    {
        /* per-axis (axis 1 of [1, 2, 2]) int16 and uint16 */
        const int32_t p[KILN_QL_NPARAMS] = {1, 2, 2, 1, 0, 1, 0};
        const float x[4] = {1.0f, -1.0f, 100.0f, 70000.0f};
        const float s[2] = {0.25f, 2.0f};
        const int16_t zp[2] = {-10, 5};
        const int16_t want[4] = {-6, -14, 55, 32767};
        int16_t y[4];
        const uint16_t zpu[2] = {10, 65530};
        const uint16_t wantu[4] = {14, 6, 65535, 65535};
        uint16_t yu[4];
        kiln_quantize_f32_i16(x, s, zp, y, p);
        KILN_CHECK_BYTES(y, want, sizeof want);
        kiln_quantize_f32_u16(x, s, zpu, yu, p);
        KILN_CHECK_BYTES(yu, wantu, sizeof wantu);
    }
    {
        /* blocked: x [2, 3] axis 1 block 2: scales [2, 2]; element (o, a) uses o*2 + a/2 */
        const int32_t p[KILN_QL_NPARAMS] = {2, 3, 1, 2, 2, 1, 0};
        const float x[6] = {1, 2, 3, 4, 5, 6};
        const float s[4] = {1, 2, 4, 8};
        const int8_t want[6] = {1, 2, 2, 1, 1, 1}; /* 1/1 2/1 3/2=1.5->2 | 4/4 5/4 6/8=0.75->1 */
        int8_t y[6];
        kiln_quantize_f32_i8(x, s, 0, y, p);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    {
        /* dequantize int8/uint8/int16/uint16/int32 to float32, float16, bfloat16 */
        const int32_t p4[KILN_QL_NPARAMS] = {1, 1, 4, 1, 0, 0, 0};
        const int8_t x[4] = {-128, 0, 1, 127};
        const int8_t zp[1] = {-1};
        const float s[1] = {0.5f};
        const float want[4] = {-63.5f, 0.5f, 1.0f, 64.0f};
        float y[4];
        const uint16_t want16[4] = {0xd3f0, 0x3800, 0x3c00, 0x5400}; /* -63.5, 0.5, 1, 64 */
        uint16_t y16[4];
        const uint16_t wantbf[4] = {0xc27e, 0x3f00, 0x3f80, 0x4280};
        const int32_t xi[4] = {INT32_MAX, INT32_MIN, 16777217, -3};
        const float wanti[4] = {1073741824.0f, -1073741824.0f, 8388608.0f, -1.5f};
        const uint16_t xu[4] = {0, 65535, 100, 1};
        const uint16_t zpu[1] = {100};
        const float wantu[4] = {-50.0f, 32717.5f, 0.0f, -49.5f};
        kiln_dequantize_i8_f32(x, s, zp, y, p4);
        KILN_CHECK_BYTES(y, want, sizeof want);
        kiln_dequantize_i8_f16(x, s, zp, y16, p4);
        KILN_CHECK_BYTES(y16, want16, sizeof want16);
        kiln_dequantize_i8_bf16(x, s, zp, y16, p4);
        KILN_CHECK_BYTES(y16, wantbf, sizeof wantbf);
        kiln_dequantize_i32_f32(xi, s, 0, y, p4);
        KILN_CHECK_BYTES(y, wanti, sizeof wanti);
        kiln_dequantize_u16_f32(xu, s, zpu, y, p4);
        KILN_CHECK_BYTES(y, wantu, sizeof wantu);
    }
    {
        /* DynamicQuantizeLinear: [0, 2, -3, -4, 8, 1]: min -4, max 8, scale 12/255, zp rint(4 / scale) = 85 */
        const float x[6] = {0, 2, -3, -4, 8, 1};
        const uint8_t want[6] = {85, 127, 21, 0, 255, 106}; /* 2 / scale = 42.5 rounds to even */
        uint8_t y[6], zp;
        float scale;
        kiln_dynamic_quantize_f32(x, y, &scale, &zp, 6);
        KILN_CHECK_BYTES(y, want, sizeof want);
        KILN_CHECK(zp == 85);
        KILN_CHECK(scale == 12.0f / 255.0f);
        /* all zero: scale 1/255, zp 0 */
        kiln_dynamic_quantize_f32(x, y, &scale, &zp, 1);
        KILN_CHECK(y[0] == 0 && zp == 0 && scale == 1.0f / 255.0f);
    }
    KILN_CHECK(kiln_rint_f32(2.5f) == 2.0f && kiln_rint_f32(-2.5f) == -2.0f && kiln_rint_f32(3.5f) == 4.0f);
    KILN_TEST_END();
}
