#include "kiln_det.h"
#include "kiln_test.h"
#include <math.h>

int main(void)
{
    /* det [[2,4],[1,3]] = 2 (no swap), det [[0,1],[1,0]] = -1 (swap) */
    {
        const float x[8] = {2, 4, 1, 3, /* */ 0, 1, 1, 0};
        const float want[2] = {2, -1};
        float y[2], s[4];
        kiln_det_f32(x, y, s, 2, 2);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    /* 3x3: [[2,0,1],[1,1,0],[0,4,2]] = 2*(2-0) - 0 + 1*(4-0) = 8 (pivots 2, 1, 4 with exact halves) */
    {
        const double x[9] = {2, 0, 1, 1, 1, 0, 0, 4, 2};
        const double want[1] = {8};
        double y[1], s[9];
        kiln_det_f64(x, y, s, 1, 3);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    /* singular, zero-size, 1x1, NaN */
    {
        const float sing[4] = {1, 2, 2, 4}, one[1] = {-3}, nanm[4] = {NAN, 1, 1, 1};
        float y[1], s[4];
        kiln_det_f32(sing, y, s, 1, 2);
        KILN_CHECK(y[0] == 0.0f);
        kiln_det_f32(one, y, s, 1, 0);
        KILN_CHECK(y[0] == 1.0f);
        kiln_det_f32(one, y, s, 1, 1);
        KILN_CHECK(y[0] == -3.0f);
        kiln_det_f32(nanm, y, s, 1, 2);
        KILN_CHECK(isnan(y[0]));
        {
            const float nan2[4] = {0, 1, NAN, 1};
            kiln_det_f32(nan2, y, s, 1, 2);
            KILN_CHECK(isnan(y[0]));
        }
    }
    KILN_TEST_END();
}
