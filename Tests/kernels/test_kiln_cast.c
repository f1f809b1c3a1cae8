#include "kiln_cast.h"
#include "kiln_test.h"

int main(void)
{
    const float nan = 0.0f / 0.0f, inf = 1.0f / 0.0f;
    {
        /* float -> integer: truncate toward zero, saturate, NaN -> 0 */
        const float x[7] = {nan, 3e9f, -3e9f, -2.7f, 2.7f, 2147483520.0f, -inf};
        const int32_t want[7] = {0, INT32_MAX, INT32_MIN, -2, 2, 2147483520, INT32_MIN};
        int32_t y[7];
        kiln_cast_f32_i32(x, y, 7);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    {
        const float x[5] = {-1.0f, 300.0f, 255.9f, -0.9f, nan};
        const uint8_t want[5] = {0, 255, 255, 0, 0};
        uint8_t y[5];
        kiln_cast_f32_u8(x, y, 5);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    {
        const float x[3] = {1e19f, -9.3e18f, -4.0f};
        const int64_t want[3] = {INT64_MAX, INT64_MIN, -4};
        int64_t y[3];
        kiln_cast_f32_i64(x, y, 3);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    {
        const double x[3] = {18446744073709551616.0, 18446744073709549568.0, -5.0};
        const uint64_t want[3] = {UINT64_MAX, 18446744073709549568u, 0};
        uint64_t y[3];
        kiln_cast_f64_u64(x, y, 3);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    {
        /* float -> float16: overflow, largest finite, ties to even, subnormals, NaN */
        const float x[7] = {65520.0f, 65519.0f, 1.00048828125f, 5.9604645e-08f, 2.9802322e-08f, nan, -inf};
        const uint16_t want[7] = {0x7c00, 0x7bff, 0x3c00, 0x0001, 0x0000, 0x7e00, 0xfc00};
        uint16_t y[7];
        kiln_cast_f32_f16(x, y, 7);
        KILN_CHECK((y[5] & 0x7fffu) == 0x7e00u); /* quiet NaN, sign as the input's */
        y[5] = 0x7e00;
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    {
        /* double -> float16/bfloat16 rounds once: values just above a tie round up */
        const double x[2] = {1.0 + 1.0 / 2048 + 1.0 / 1099511627776.0, 1.0 + 1.0 / 256 + 1.0 / 1099511627776.0};
        uint16_t h[1], b[1];
        float f[1];
        kiln_cast_f64_f16(x, h, 1);
        KILN_CHECK(h[0] == 0x3c01);
        kiln_cast_f64_bf16(x + 1, b, 1);
        KILN_CHECK(b[0] == 0x3f81);
        kiln_cast_f64_f32((const double[]){1e300}, f, 1);
        KILN_CHECK(f[0] == inf);
        kiln_cast_f64_f16((const double[]){1e300}, h, 1);
        KILN_CHECK(h[0] == 0x7c00);
        kiln_cast_f64_bf16((const double[]){-1e-300}, b, 1);
        KILN_CHECK(b[0] == 0x8000);
    }
    {
        /* 64-bit integer -> bfloat16 rounds once too: 2^24 + 2^16 + 1 -> 2^24 + 2^17 */
        const int64_t x[2] = {16842753, -16842753};
        const uint16_t want[2] = {0x4b81, 0xcb81};
        uint16_t y[2];
        kiln_cast_i64_bf16(x, y, 2);
        KILN_CHECK_BYTES(y, want, sizeof want);
        kiln_cast_u32_bf16((const uint32_t[]){16842753u}, y, 1);
        KILN_CHECK(y[0] == 0x4b81);
    }
    {
        /* integer -> float16 */
        const int32_t x[3] = {70000, -3, 2049};
        const uint16_t want[3] = {0x7c00, 0xc200, 0x6800};
        uint16_t y[3];
        kiln_cast_i32_f16(x, y, 3);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    {
        /* integer -> integer wraps; unsigned 64 -> float */
        const int64_t x[3] = {300, -129, -1};
        const int8_t want[3] = {44, 127, -1};
        const uint16_t wantu[3] = {300, 65407, 65535};
        int8_t y[3];
        uint16_t yu[3];
        float f[1];
        kiln_cast_i64_i8(x, y, 3);
        KILN_CHECK_BYTES(y, want, sizeof want);
        kiln_cast_i64_u16(x, yu, 3);
        KILN_CHECK_BYTES(yu, wantu, sizeof wantu);
        kiln_cast_u8_i8((const uint8_t[]){200}, y, 1);
        KILN_CHECK(y[0] == -56);
        kiln_cast_u64_f32((const uint64_t[]){UINT64_MAX}, f, 1);
        KILN_CHECK(f[0] == 18446744073709551616.0f);
    }
    {
        /* bool both ways: NaN is true, -0 is false */
        const float x[4] = {nan, -0.0f, 0.5f, -inf};
        const uint8_t want[4] = {1, 0, 1, 1};
        uint8_t y[4];
        float f[2];
        kiln_cast_f32_bool(x, y, 4);
        KILN_CHECK_BYTES(y, want, sizeof want);
        kiln_cast_bool_f32((const uint8_t[]){1, 0}, f, 2);
        KILN_CHECK(f[0] == 1.0f && f[1] == 0.0f);
        kiln_cast_i16_bool((const int16_t[]){-5, 0}, y, 2);
        KILN_CHECK(y[0] == 1 && y[1] == 0);
    }
    {
        /* half -> others */
        int32_t i[2];
        float f[2];
        double d[1];
        kiln_cast_f16_i32((const uint16_t[]){0xfc00, 0xc500}, i, 2); /* -inf, -5 */
        KILN_CHECK(i[0] == INT32_MIN && i[1] == -5);
        kiln_cast_bf16_f32((const uint16_t[]){0x3f81, 0xff80}, f, 2);
        KILN_CHECK(f[0] == 1.0078125f && f[1] == -inf);
        kiln_cast_f16_f64((const uint16_t[]){0x0001}, d, 1);
        KILN_CHECK(d[0] == 5.9604644775390625e-08);
        {
            uint16_t b[1];
            kiln_cast_f16_bf16((const uint16_t[]){0x3c00}, b, 1);
            KILN_CHECK(b[0] == 0x3f80);
        }
    }
    {
        /* in place, narrowing: float -> int16 over the same bytes */
        float buf[3] = {1.5f, -2.5f, 40000.0f};
        int16_t *out = (int16_t *)(void *)buf;
        kiln_cast_f32_i16(buf, out, 3);
        KILN_CHECK(out[0] == 1 && out[1] == -2 && out[2] == INT16_MAX);
    }
    KILN_TEST_END();
}
