#include "kiln_scatternd.h"
#include "kiln_test.h"

int main(void)
{
    /* ONNX example: data [1..8], indices {{4},{3},{1},{7}}, updates {9,10,11,12} */
    {
        const float data[8] = {1, 2, 3, 4, 5, 6, 7, 8}, upd[4] = {9, 10, 11, 12};
        const float want[8] = {1, 11, 3, 10, 9, 6, 7, 12};
        const int64_t idx[4] = {4, 3, 1, 7};
        const int32_t shape[1] = {8}, strides[1] = {1};
        float y[8];
        kiln_scatternd_f32(data, idx, upd, y, 8, 4, 1, shape, strides, 1, KILN_SCATTER_NONE);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    /* slices of a 2x3 int32 matrix (k=1, slice 3): add twice to row -1 (= row 1); out-of-range row skipped */
    {
        int32_t d[6] = {1, 2, 3, 4, 5, INT32_MAX};
        const int32_t upd[9] = {1, 1, 1, 2, 2, 1, 7, 7, 7};
        const int32_t want[6] = {1, 2, 3, 7, 8, INT32_MIN + 1};
        const int64_t idx[3] = {-1, 1, 2};
        const int32_t shape[1] = {2}, strides[1] = {3};
        kiln_scatternd_i32(d, idx, upd, d, 6, 3, 1, shape, strides, 3, KILN_SCATTER_ADD);
        KILN_CHECK_BYTES(d, want, sizeof want);
    }
    /* element indices (k=2) with min on float16 (computed in float) */
    {
        const uint16_t data[4] = {0x3c00, 0x4000, 0x4200, 0x4400}; /* 1 2 3 4 */
        const uint16_t upd[2] = {0xbc00, 0x4500};                  /* -1 5 */
        const uint16_t want[4] = {0x3c00, 0xbc00, 0x4200, 0x4400};
        const int64_t idx[4] = {0, 1, 1, 1};
        const int32_t shape[2] = {2, 2}, strides[2] = {2, 1};
        uint16_t y[4];
        kiln_scatternd_f16(data, idx, upd, y, 4, 2, 2, shape, strides, 1, KILN_SCATTER_MIN);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    KILN_TEST_END();
}
