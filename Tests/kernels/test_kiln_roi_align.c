#include "kiln_roi_align.h"
#include "kiln_test.h"

int main(void)
{
    const float x[4] = {1, 2, 3, 4};
    const float rois[8] = {0, 0, 1, 1, 0, 0, 1, 1};
    const int64_t batch[2] = {0, 5};
    float y[2];
    /* one sample at (0.5, 0.5): the mean of the four pixels; batch index 5 is out of range: zero */
    kiln_roi_align_f32(x, rois, batch, y, 1, 1, 2, 2, 2, 1, 1, 1, 1.0f, 0, 0);
    KILN_CHECK(y[0] == 2.5f && y[1] == 0.0f);
    /* max mode: the largest weighted corner, 0.25 * 4 */
    kiln_roi_align_f32(x, rois, batch, y, 1, 1, 2, 2, 1, 1, 1, 1, 1.0f, 0, 1);
    KILN_CHECK(y[0] == 1.0f);
    /* half pixel: the box shifts by -0.5, so the sample is at pixel (0, 0) */
    kiln_roi_align_f32(x, rois, batch, y, 1, 1, 2, 2, 1, 1, 1, 1, 1.0f, 1, 0);
    KILN_CHECK(y[0] == 1.0f);
    /* adaptive sampling with a NaN box: no samples, zero */
    {
        const float bad[4] = {0, 0, 0, 0};
        float nanbox[4];
        uint32_t nan_bits = 0x7fc00000u;
        memcpy(nanbox, bad, sizeof bad);
        memcpy(&nanbox[2], &nan_bits, sizeof nan_bits);
        kiln_roi_align_f32(x, nanbox, batch, y, 1, 1, 2, 2, 1, 1, 1, 0, 1.0f, 1, 0);
        KILN_CHECK(y[0] == 0.0f);
    }
    KILN_TEST_END();
}
