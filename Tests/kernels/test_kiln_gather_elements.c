#include "kiln_gather_elements.h"
#include "kiln_test.h"

int main(void)
{
    /* ONNX example: data 3x3, axis 0, indices 2x3 {{1,2,0},{2,0,0}} */
    {
        const float x[9] = {1, 2, 3, 4, 5, 6, 7, 8, 9}, want[6] = {4, 8, 3, 7, 2, 3};
        const int64_t idx[6] = {1, 2, 0, 2, 0, 0};
        const int32_t shape[2] = {2, 3}, strides[2] = {3, 1};
        float y[6];
        kiln_gather_elements_b32_i64(x, idx, y, 2, shape, strides, 0, 3);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    /* axis 1 with negative and out-of-range int32 indices; indices smaller than data in dim 0 */
    {
        const int64_t x[6] = {1, 2, 3, 4, 5, 6}, want[2] = {3, 0};
        const int32_t idx[2] = {-1, 3};
        const int32_t shape[2] = {1, 2}, strides[2] = {3, 1};
        int64_t y[2];
        kiln_gather_elements_b64_i32(x, idx, y, 2, shape, strides, 1, 3);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    KILN_TEST_END();
}
