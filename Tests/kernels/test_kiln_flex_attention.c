#include "kiln_flex_attention.h"
#include "kiln_test.h"
#include <math.h>

int main(void)
{
    /* Hq 2, Hkv 1, L 1, S 2, E 2: scores q.k with r = 1; equal keys give probabilities 1/2 */
    {
        const float q[4] = {1, 0, 2, 0}, k[4] = {1, 1, 1, 1}, v[4] = {2, 4, 6, 8};
        const float ws[4] = {1, 1, 2, 2}, wp[4] = {0.5f, 0.5f, 0.5f, 0.5f}, wy[4] = {4, 6, 4, 6};
        float s[4], y[4];
        kiln_flex_scores_f32_f32(q, k, s, 1, 2, 1, 1, 2, 2, 1.0f);
        KILN_CHECK_BYTES(s, ws, sizeof ws);
        kiln_flex_softmax_f32(s, 2, 2);
        KILN_CHECK_BYTES(s, wp, sizeof wp);
        kiln_flex_output_f32_f32(s, v, y, 1, 2, 1, 1, 2, 2);
        KILN_CHECK_BYTES(y, wy, sizeof wy);
    }
    /* a fully masked row becomes NaN (as ONNX's reference); a single key gets probability 1 */
    {
        float row[3] = {-INFINITY, -INFINITY, 5};
        kiln_flex_softmax_f32(row, 3, 1);
        KILN_CHECK(row[0] != row[0] && row[1] != row[1] && row[2] == 1.0f);
    }
    /* float16 inputs with double scores: r = 2 scales both sides (1*2 . 1*2 = 4) */
    {
        const uint16_t q[1] = {0x3c00}, k[1] = {0x3c00}, v[1] = {0x4200}; /* 1 1 3 */
        double s[1];
        uint16_t y[1];
        kiln_flex_scores_f16_f64(q, k, s, 1, 1, 1, 1, 1, 1, 2.0f);
        KILN_CHECK(s[0] == 4.0);
        kiln_flex_softmax_f64(s, 1, 1);
        kiln_flex_output_f16_f64(s, v, y, 1, 1, 1, 1, 1, 1);
        KILN_CHECK(y[0] == 0x4200);
    }
    KILN_TEST_END();
}
