#include <math.h>
#include "kiln_pool.h"
#include "kiln_test.h"

int main(void)
{
    /* 1 plane 3x3 = 1..9 */
    const float x[9] = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    float y[9];
    int64_t ind[9];
    /* max 2x2 stride 1 -> 2x2 */
    {
        const int32_t p[KILN_PL_NPARAMS] = {1, 1, 3, 3, 1, 2, 2, 1, 2, 2, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0};
        const float r[4] = {5, 6, 8, 9};
        const int64_t ri[4] = {4, 5, 7, 8};
        kiln_maxpool_f32(x, y, ind, p);
        KILN_CHECK_BYTES(y, r, sizeof r);
        KILN_CHECK_BYTES(ind, ri, sizeof ri);
    }
    /* column-major indices (storage_order 1): element (h, w) -> h + w*H */
    {
        const int32_t p[KILN_PL_NPARAMS] = {1, 1, 3, 3, 1, 2, 2, 1, 2, 2, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 1};
        const int64_t ri[4] = {4, 7, 5, 8};
        kiln_maxpool_f32(x, y, ind, p);
        KILN_CHECK_BYTES(ind, ri, sizeof ri);
    }
    /* avg 3x3 stride 2 pad 1: excluding pads, and counting pads (count_include_pad) */
    {
        const int32_t p[KILN_PL_NPARAMS] = {1, 1, 3, 3, 1, 2, 2, 1, 3, 3, 1, 2, 2, 1, 1, 1, 0, 1, 1, 0, 1, 1, 0};
        const int32_t q[KILN_PL_NPARAMS] = {1, 1, 3, 3, 1, 2, 2, 1, 3, 3, 1, 2, 2, 1, 1, 1, 0, 1, 1, 0, 1, 1, 1};
        const float r[4] = {3, 4, 6, 7};
        const float rq[4] = {12.0f / 9, 16.0f / 9, 24.0f / 9, 28.0f / 9};
        kiln_avgpool_f32(x, y, p);
        KILN_CHECK_BYTES(y, r, sizeof r);
        kiln_avgpool_f32(x, y, q);
        KILN_CHECK_BYTES(y, rq, sizeof rq);
    }
    /* ceil_mode window past the end pad: count_include_pad counts only [-pad, size + end pad) */
    {
        /* 1-D: size 3, kernel 2, stride 2, no pads, out 2 (ceil): windows {1,2}, {3} */
        const float v[3] = {1, 2, 3};
        const int32_t p[KILN_PL_NPARAMS] = {1, 1, 1, 3, 1, 1, 2, 1, 1, 2, 1, 1, 2, 1, 1, 1, 0, 0, 0, 0, 0, 0, 1};
        const float r[2] = {1.5f, 3};
        kiln_avgpool_f32(v, y, p);
        KILN_CHECK_BYTES(y, r, sizeof r);
    }
    /* lp (p = 2) over the whole 3x3 */
    {
        const int32_t p[KILN_PL_NPARAMS] = {1, 1, 3, 3, 1, 1, 1, 1, 3, 3, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0};
        kiln_lppool_f32(x, y, p, 2.0f);
        KILN_CHECK(y[0] == powf(285.0f, 0.5f));
    }
    /* int8 max with padding; NaN never wins */
    {
        const int8_t a[4] = {-128, -5, 7, -1};
        int8_t b[1];
        const int32_t p[KILN_PL_NPARAMS] = {1, 1, 2, 2, 1, 1, 1, 1, 3, 3, 1, 1, 1, 1, 1, 1, 0, 1, 1, 0, 0, 0, 0};
        const float f[3] = {NAN, 2, 1};
        const int32_t q[KILN_PL_NPARAMS] = {1, 1, 1, 3, 1, 1, 1, 1, 1, 3, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0};
        kiln_maxpool_i8(a, b, 0, p);
        KILN_CHECK(b[0] == 7);
        kiln_maxpool_f32(f, y, ind, q);
        KILN_CHECK(y[0] == 2 && ind[0] == 1);
    }
    KILN_TEST_END();
}
