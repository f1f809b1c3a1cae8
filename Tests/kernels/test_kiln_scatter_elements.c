#include "kiln_scatter_elements.h"
#include "kiln_test.h"

int main(void)
{
    const int32_t shape[2] = {1, 2}, strides[2] = {5, 1};
    const float data[5] = {1, 2, 3, 4, 5}, upd[2] = {1.1f, 2.1f};
    float y[5];
    /* ONNX example: axis 1, indices {1, 3} */
    {
        const int64_t idx[2] = {1, 3};
        const float want[5] = {1, 1.1f, 3, 2.1f, 5};
        kiln_scatter_elements_f32_i64(data, idx, upd, y, 5, 2, shape, strides, 1, 5, KILN_SCATTER_NONE);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    /* duplicates with add, negative index, out-of-range index skipped */
    {
        const int32_t idx[2] = {-4, 1};
        const float want[5] = {1, 2 + 1.1f + 2.1f, 3, 4, 5};
        const int32_t idx2[2] = {5, INT32_MIN};
        kiln_scatter_elements_f32_i32(data, idx, upd, y, 5, 2, shape, strides, 1, 5, KILN_SCATTER_ADD);
        KILN_CHECK_BYTES(y, want, sizeof want);
        kiln_scatter_elements_f32_i32(data, idx2, upd, y, 5, 2, shape, strides, 1, 5, KILN_SCATTER_ADD);
        KILN_CHECK_BYTES(y, data, sizeof data);
    }
    /* in place, int8 mul wraps, max/min */
    {
        int8_t d[5] = {100, 2, -128, 4, 5};
        const int8_t u[2] = {3, -1};
        const int64_t idx[2] = {0, 2};
        const int8_t want_mul[5] = {44, 2, -128, 4, 5}, want_max[5] = {44, 2, -1, 4, 5};
        kiln_scatter_elements_i8_i64(d, idx, u, d, 5, 2, shape, strides, 1, 5, KILN_SCATTER_MUL);
        KILN_CHECK_BYTES(d, want_mul, sizeof want_mul);
        kiln_scatter_elements_i8_i64(d, idx, u, d, 5, 2, shape, strides, 1, 5, KILN_SCATTER_MAX);
        KILN_CHECK_BYTES(d, want_max, sizeof want_max);
        kiln_scatter_elements_i8_i64(d, idx, u, d, 5, 2, shape, strides, 1, 5, KILN_SCATTER_MIN);
        KILN_CHECK(d[0] == 3 && d[2] == -1);
    }
    /* float max propagates NaN; bool add is OR */
    {
        float d[5] = {1, 2, 3, 4, 5}, u[2];
        const int64_t idx[2] = {0, 1};
        uint32_t bits = 0x7fc00000u;
        memcpy(&u[0], &bits, sizeof bits);
        u[1] = -7;
        kiln_scatter_elements_f32_i64(d, idx, u, d, 5, 2, shape, strides, 1, 5, KILN_SCATTER_MAX);
        KILN_CHECK(d[0] != d[0] && d[1] == 2);
    }
    {
        const uint8_t bd[5] = {0, 1, 0, 0, 1}, bu[2] = {1, 0}, want[5] = {1, 1, 0, 0, 1};
        const int64_t idx[2] = {0, 4};
        uint8_t by[5];
        kiln_scatter_elements_bool_i64(bd, idx, bu, by, 5, 2, shape, strides, 1, 5, KILN_SCATTER_ADD);
        KILN_CHECK_BYTES(by, want, sizeof want);
    }
    KILN_TEST_END();
}
