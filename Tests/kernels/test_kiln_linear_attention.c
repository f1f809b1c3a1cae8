#include "kiln_linear_attention.h"
#include "kiln_test.h"

int main(void)
{
    float scratch[8];
    const float q[2] = {1, 2}, k[2] = {1, 1}, v[2] = {2, 3};
    /* linear: S accumulates k v; y_t = q_t S */
    {
        const int32_t p[8] = {1, 2, 1, 1, 1, 1, 0, 0};
        const float wy[2] = {2, 10}, ws[1] = {5};
        float y[2], s[1];
        kiln_linear_attention_f32(q, k, v, 0, 0, 0, y, s, scratch, p, 1.0f);
        KILN_CHECK_BYTES(y, wy, sizeof wy);
        KILN_CHECK_BYTES(s, ws, sizeof ws);
    }
    /* gated delta with decay 0 (exp = 1), beta 1, a past state of 1, scale 2 */
    {
        const int32_t p[8] = {1, 2, 1, 1, 1, 1, 1, 1};
        const float decay[2] = {0, 0}, beta[2] = {1, 1}, past[1] = {1};
        /* t0: v' = 2 - 1 = 1, S = 2, y = 2*1*2 = 4; t1: v' = 3 - 2 = 1, S = 3, y = 2*2*3 = 12 */
        const float wy[2] = {4, 12}, ws[1] = {3};
        float y[2], s[1];
        kiln_linear_attention_f32(q, k, v, past, decay, beta, y, s, scratch, p, 2.0f);
        KILN_CHECK_BYTES(y, wy, sizeof wy);
        KILN_CHECK_BYTES(s, ws, sizeof ws);
    }
    /* grouped heads: two query heads read one kv head; per-key-dim decay; no present output */
    {
        const int32_t p[8] = {1, 1, 2, 1, 1, 1, 2, 0};
        const float q2[2] = {1, 3}, decay[1] = {0};
        const float wy[2] = {2, 6};
        float y[2];
        kiln_linear_attention_f32(q2, k, v, 0, decay, 0, y, 0, scratch, p, 1.0f);
        KILN_CHECK_BYTES(y, wy, sizeof wy);
    }
    KILN_TEST_END();
}
