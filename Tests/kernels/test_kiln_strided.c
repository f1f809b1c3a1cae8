#include "kiln_strided.h"
#include "kiln_test.h"

int main(void)
{
    /* transpose of a 2x3 float matrix: y[j][i] = x[i][j] */
    {
        const float x[6] = {1, 2, 3, 4, 5, 6}, want[6] = {1, 4, 2, 5, 3, 6};
        const int32_t shape[2] = {3, 2}, strides[2] = {1, 3};
        float y[6];
        kiln_strided_b32(x, y, 2, shape, strides, 0);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    /* slice with a negative step and a base offset: x[4:0:-2] of int16 */
    {
        const int16_t x[5] = {10, -11, 12, -13, 14}, want[2] = {14, 12};
        const int32_t shape[1] = {2}, strides[1] = {-2};
        int16_t y[2];
        kiln_strided_b16(x, y, 1, shape, strides, 4);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    /* broadcast (zero stride) of a row, contiguous inner rows copied with memcpy; 64-bit elements */
    {
        const int64_t x[3] = {-1, 2, INT64_MIN}, want[6] = {-1, 2, INT64_MIN, -1, 2, INT64_MIN};
        const int32_t shape[2] = {2, 3}, strides[2] = {0, 1};
        int64_t y[6];
        kiln_strided_b64(x, y, 2, shape, strides, 0);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    /* 8-bit elements (bool/int8), 3-D odometer crossing two dims */
    {
        const uint8_t x[8] = {0, 1, 2, 3, 4, 5, 6, 7}, want[8] = {0, 4, 2, 6, 1, 5, 3, 7};
        const int32_t shape[3] = {2, 2, 2}, strides[3] = {1, 2, 4};
        uint8_t y[8];
        kiln_strided_b8(x, y, 3, shape, strides, 0);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    /* rank 0 copies one element; a zero dim writes nothing */
    {
        const float x[3] = {1, 2, 3};
        float y[1] = {0}, want[1] = {3}, untouched[1] = {9}, z[1] = {9};
        const int32_t zero[1] = {0}, one[1] = {1};
        kiln_strided_b32(x, y, 0, zero, zero, 2);
        KILN_CHECK_BYTES(y, want, sizeof want);
        kiln_strided_b32(x, z, 1, zero, one, 0);
        KILN_CHECK_BYTES(z, untouched, sizeof untouched);
    }
    /* NaN payloads and -0.0 are copied bit-exactly */
    {
        const uint32_t x[2] = {0x7fc00001u, 0x80000000u}, want[2] = {0x80000000u, 0x7fc00001u};
        const int32_t shape[1] = {2}, strides[1] = {-1};
        uint32_t y[2];
        kiln_strided_b32(x, y, 1, shape, strides, 1);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    KILN_TEST_END();
}
