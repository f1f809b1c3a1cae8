#include <math.h>
#include "kiln_argmax.h"
#include "kiln_softmax.h"
#include "kiln_test.h"

int main(void)
{
    /* [2 outer, 3 n, 1 inner] */
    const float x[6] = {0, 0, 0, 1, 3, 3};
    float y[6];
    int64_t i64[2];
    {
        kiln_softmax_f32(x, y, 2, 3, 1);
        KILN_CHECK(y[0] == 1.0f / 3.0f && y[1] == y[0] && y[2] == y[0]);
        KILN_CHECK(y[4] == expf(0.0f) / ((expf(-2.0f) + 1.0f) + 1.0f));
        kiln_logsoftmax_f32(x, y, 2, 3, 1);
        KILN_CHECK(y[0] == -logf(3.0f));
        kiln_hardmax_f32(x, y, 2, 3, 1);
        {
            const float r[6] = {1, 0, 0, 0, 1, 0};
            KILN_CHECK_BYTES(y, r, sizeof r);
        }
    }
    /* strided axis: [1 outer, 2 n, 3 inner] in place */
    {
        float z[6] = {1, 2, 3, 1, 2, 3};
        kiln_softmax_f32(z, z, 1, 2, 3);
        KILN_CHECK(z[0] == 0.5f && z[5] == 0.5f);
    }
    /* argmax/argmin: ties give the first index unless select_last; NaN wins */
    {
        const int64_t first[2] = {0, 1}, last[2] = {2, 2}, mn[2] = {0, 0};
        const float n[3] = {1, NAN, 5};
        kiln_argmax_f32(x, i64, 2, 3, 1, 0);
        KILN_CHECK_BYTES(i64, first, sizeof first);
        kiln_argmax_f32(x, i64, 2, 3, 1, 1);
        KILN_CHECK_BYTES(i64, last, sizeof last);
        kiln_argmin_f32(x, i64, 2, 3, 1, 0);
        KILN_CHECK_BYTES(i64, mn, sizeof mn);
        kiln_argmax_f32(n, i64, 1, 3, 1, 0);
        KILN_CHECK(i64[0] == 1);
    }
    {
        const uint8_t u[4] = {3, 200, 200, 1};
        kiln_argmax_u8(u, i64, 1, 4, 1, 1);
        KILN_CHECK(i64[0] == 2);
    }
    KILN_TEST_END();
}
