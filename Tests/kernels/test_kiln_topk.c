#include "kiln_topk.h"
#include "kiln_test.h"

int main(void)
{
    /* 3x4 float, axis 1, k 3, largest */
    {
        const float x[12] = {0, 1, 2, 3, 4, 5, 6, 7, 11, 10, 9, 8};
        const float wv[9] = {3, 2, 1, 7, 6, 5, 11, 10, 9};
        const int64_t wi[9] = {3, 2, 1, 3, 2, 1, 0, 1, 2};
        float v[9];
        int64_t i[9];
        kiln_topk_f32(x, v, i, 3, 4, 1, 3, 1);
        KILN_CHECK_BYTES(v, wv, sizeof wv);
        KILN_CHECK_BYTES(i, wi, sizeof wi);
    }
    /* ties keep the lower index first, largest and smallest; axis 0 of a 4x1 (inner 1) */
    {
        const int64_t x[4] = {4, 4, 1, 4}, wv[3] = {4, 4, 4}, wi[3] = {0, 1, 3};
        const int64_t sv[2] = {1, 4}, si[2] = {2, 0};
        int64_t v[3], i[3];
        kiln_topk_i64(x, v, i, 1, 4, 1, 3, 1);
        KILN_CHECK_BYTES(v, wv, sizeof wv);
        KILN_CHECK_BYTES(i, wi, sizeof wi);
        kiln_topk_i64(x, v, i, 1, 4, 1, 2, 0);
        KILN_CHECK_BYTES(v, sv, sizeof sv);
        KILN_CHECK_BYTES(i, si, sizeof si);
    }
    /* axis 0 of a 3x2 uint8 (inner 2): strided lanes */
    {
        const uint8_t x[6] = {1, 200, 255, 3, 7, 200};
        const uint8_t wv[4] = {255, 200, 7, 200};
        const int64_t wi[4] = {1, 0, 2, 2};
        uint8_t v[4];
        int64_t i[4];
        kiln_topk_u8(x, v, i, 1, 3, 2, 2, 1);
        KILN_CHECK_BYTES(v, wv, sizeof wv);
        KILN_CHECK_BYTES(i, wi, sizeof wi);
    }
    /* NaN is the largest value: first when largest, excluded from the smallest */
    {
        float x[3] = {1, 0, 2};
        float v[2];
        int64_t i[2];
        uint32_t nan_bits = 0x7fc00000u;
        memcpy(&x[1], &nan_bits, sizeof nan_bits);
        kiln_topk_f32(x, v, i, 1, 3, 1, 2, 1);
        KILN_CHECK(i[0] == 1 && i[1] == 2 && v[1] == 2);
        kiln_topk_f32(x, v, i, 1, 3, 1, 2, 0);
        KILN_CHECK(i[0] == 0 && i[1] == 2 && v[0] == 1);
    }
    KILN_TEST_END();
}
