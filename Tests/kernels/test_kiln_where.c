#include "kiln_where.h"
#include "kiln_test.h"

int main(void)
{
    {
        /* cond [2,1], a [1,3], b scalar -> [2,3] */
        const uint8_t c[2] = {1, 0};
        const float a[3] = {1, 2, 3}, b[1] = {-1};
        const float want[6] = {1, 2, 3, -1, -1, -1};
        float y[6];
        const int32_t shape[2] = {2, 3}, sc[2] = {1, 0}, sa[2] = {0, 1}, sb[2] = {0, 0};
        kiln_where_f32(c, a, b, y, 2, shape, sc, sa, sb);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    {
        /* same shapes, any nonzero byte is true; in place over b */
        const uint8_t c[4] = {0, 2, 1, 0};
        const int64_t a[4] = {10, 20, 30, 40};
        int64_t b[4] = {-1, -2, -3, INT64_MIN};
        const int64_t want[4] = {-1, 20, 30, INT64_MIN};
        const int32_t n[1] = {4}, s1[1] = {1};
        kiln_where_i64(c, a, b, b, 1, n, s1, s1, s1);
        KILN_CHECK_BYTES(b, want, sizeof want);
    }
    {
        /* bool and float16 payloads are copied bit-exactly; rank 0 */
        const uint8_t c[1] = {0};
        const uint16_t a[1] = {0x7e01}, b[1] = {0xfe03};
        uint16_t y[1];
        uint8_t yb[1];
        const int32_t n[1] = {1}, s[1] = {0};
        kiln_where_f16(c, a, b, y, 0, n, s, s, s);
        KILN_CHECK(y[0] == 0xfe03);
        kiln_where_bool((const uint8_t[]){1}, (const uint8_t[]){1}, (const uint8_t[]){0}, yb, 0, n, s, s, s);
        KILN_CHECK(yb[0] == 1);
    }
    KILN_TEST_END();
}
