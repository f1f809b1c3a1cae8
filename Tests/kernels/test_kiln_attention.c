#include "kiln_attention.h"
#include "kiln_test.h"
#include <math.h>

/* 4-D contiguous views: strides (b, h, s) = (H*S*D, S*D, D). */
static void att_params(int32_t *p, int32_t B, int32_t Hq, int32_t Hkv, int32_t Sq, int32_t Skv, int32_t P, int32_t Dk,
                       int32_t Dv)
{
    int32_t i;
    for (i = 0; i < KILN_ATT_NPARAMS; i++) p[i] = 0;
    p[KILN_ATT_B] = B; p[KILN_ATT_HQ] = Hq; p[KILN_ATT_HKV] = Hkv; p[KILN_ATT_SQ] = Sq; p[KILN_ATT_SKV] = Skv;
    p[KILN_ATT_P] = P; p[KILN_ATT_DK] = Dk; p[KILN_ATT_DV] = Dv;
    p[KILN_ATT_Q_SB] = Hq * Sq * Dk; p[KILN_ATT_Q_SH] = Sq * Dk; p[KILN_ATT_Q_SS] = Dk;
    p[KILN_ATT_K_SB] = Hkv * Skv * Dk; p[KILN_ATT_K_SH] = Skv * Dk; p[KILN_ATT_K_SS] = Dk;
    p[KILN_ATT_V_SB] = Hkv * Skv * Dv; p[KILN_ATT_V_SH] = Skv * Dv; p[KILN_ATT_V_SS] = Dv;
    p[KILN_ATT_Y_SB] = Hq * Sq * Dv; p[KILN_ATT_Y_SH] = Sq * Dv; p[KILN_ATT_Y_SS] = Dv;
    p[KILN_ATT_LEFT] = -1; p[KILN_ATT_RIGHT] = -1; p[KILN_ATT_ROUND_SOFTMAX] = 1;
}

int main(void)
{
    float scratch[64];
    int32_t p[KILN_ATT_NPARAMS];
    /* GQA: two query heads share one kv head; equal scores give probabilities 1/2 (mode 3 output). */
    {
        const float q[4] = {1, 0, 0, 1}, k[4] = {1, 1, 1, 1}, v[4] = {2, 4, 6, 8};
        const float wy[4] = {4, 6, 4, 6}, wqk[4] = {0.5f, 0.5f, 0.5f, 0.5f};
        float y[4], qk[4];
        att_params(p, 1, 2, 1, 1, 2, 0, 2, 2);
        p[KILN_ATT_MODE] = 3;
        kiln_attention_f32(q, k, v, 0, 0, 0, 0, y, 0, 0, qk, scratch, p, 1.0f, 0.0f);
        KILN_CHECK_BYTES(y, wy, sizeof wy);
        KILN_CHECK_BYTES(qk, wqk, sizeof wqk);
    }
    /* causal: query 0 sees key 0 only; query 1 sees both (equal scores). Mode 0 gives raw q.k*scale^2. */
    {
        const float q[4] = {1, 1, 1, 1}, k[4] = {1, 0, 0, 1}, v[4] = {2, 4, 6, 8};
        const float wy[4] = {2, 4, 4, 6}, wqk[4] = {4, 4, 4, 4};
        float y[4], qk[4];
        att_params(p, 1, 1, 1, 2, 2, 0, 2, 2);
        p[KILN_ATT_CAUSAL] = 1;
        kiln_attention_f32(q, k, v, 0, 0, 0, 0, y, 0, 0, qk, scratch, p, 2.0f, 0.0f);
        KILN_CHECK_BYTES(y, wy, sizeof wy);
        KILN_CHECK_BYTES(qk, wqk, sizeof wqk);
    }
    /* bool mask [2, 2] masking all of row 1: that row (and its probabilities) are zero; mode 2 shows the bias. */
    {
        const float q[4] = {1, 0, 0, 1}, k[4] = {1, 1, 1, 1}, v[4] = {2, 4, 6, 8};
        const uint8_t mask[4] = {1, 0, 0, 0};
        const float wy[4] = {2, 4, 0, 0};
        float y[4], qk[4];
        att_params(p, 1, 1, 1, 2, 2, 0, 2, 2);
        p[KILN_ATT_M_KIND] = KILN_ATT_MASK_BOOL; p[KILN_ATT_M_LEN] = 2; p[KILN_ATT_M_SS] = 2; p[KILN_ATT_M_SJ] = 1;
        p[KILN_ATT_MODE] = 2;
        kiln_attention_f32(q, k, v, mask, 0, 0, 0, y, 0, 0, qk, scratch, p, 1.0f, 0.0f);
        KILN_CHECK_BYTES(y, wy, sizeof wy);
        KILN_CHECK(qk[0] == 1.0f && qk[1] == -INFINITY && qk[2] == -INFINITY && qk[3] == -INFINITY);
    }
    /* past cache: present = past ++ new; a float mask shorter than the keys masks the rest. */
    {
        const float q[2] = {1, 0}, k[2] = {5, 5}, v[2] = {7, 9}, pk[2] = {1, 2}, pv[2] = {3, 4};
        const float mask[1] = {0};
        const float wpk[4] = {1, 2, 5, 5}, wpv[4] = {3, 4, 7, 9}, wy[2] = {3, 4};
        float y[2], presk[4], presv[4];
        att_params(p, 1, 1, 1, 1, 1, 1, 2, 2);
        p[KILN_ATT_M_KIND] = KILN_ATT_MASK_ADD; p[KILN_ATT_M_LEN] = 1; p[KILN_ATT_M_SJ] = 1;
        kiln_attention_f32(q, k, v, mask, pk, pv, 0, y, presk, presv, 0, scratch, p, 1.0f, 0.0f);
        KILN_CHECK_BYTES(presk, wpk, sizeof wpk);
        KILN_CHECK_BYTES(presv, wpv, sizeof wpv);
        KILN_CHECK_BYTES(y, wy, sizeof wy);
    }
    /* nonpad_kv_seqlen: keys at and after nonpad[b] are masked (batch 0: 1 key, batch 1: 2 keys). */
    {
        const float q[4] = {1, 0, 1, 0}, k[8] = {1, 1, 1, 1, 1, 1, 1, 1}, v[8] = {2, 4, 6, 8, 2, 4, 6, 8};
        const int64_t nonpad[2] = {1, 2};
        const float wy[4] = {2, 4, 4, 6};
        float y[4];
        att_params(p, 2, 1, 1, 1, 2, 0, 2, 2);
        kiln_attention_f32(q, k, v, 0, 0, 0, nonpad, y, 0, 0, 0, scratch, p, 1.0f, 0.0f);
        KILN_CHECK_BYTES(y, wy, sizeof wy);
    }
    /* float16: same numbers as the GQA case; 3-D layout of Y ([B, S, H*D]: heads interleaved per position). */
    {
        const uint16_t q[4] = {0x3c00, 0, 0, 0x3c00}, k[4] = {0x3c00, 0x3c00, 0x3c00, 0x3c00};
        const uint16_t v[4] = {0x4000, 0x4400, 0x4600, 0x4800}; /* 2 4 6 8 */
        const uint16_t wy[4] = {0x4400, 0x4600, 0x4400, 0x4600}; /* 4 6 4 6 */
        uint16_t y[4];
        att_params(p, 1, 2, 1, 1, 2, 0, 2, 2);
        p[KILN_ATT_Y_SB] = 4; p[KILN_ATT_Y_SH] = 2; p[KILN_ATT_Y_SS] = 4;
        kiln_attention_f16(q, k, v, 0, 0, 0, 0, y, 0, 0, 0, scratch, p, 1.0f, 0.0f);
        KILN_CHECK_BYTES(y, wy, sizeof wy);
    }
    /* sliding window (left 0): each query sees only its own position. */
    {
        const float q[4] = {1, 1, 1, 1}, k[4] = {1, 0, 0, 1}, v[4] = {2, 4, 6, 8};
        const float wy[4] = {2, 4, 6, 8};
        float y[4];
        att_params(p, 1, 1, 1, 2, 2, 0, 2, 2);
        p[KILN_ATT_LEFT] = 0; p[KILN_ATT_RIGHT] = 0;
        kiln_attention_f32(q, k, v, 0, 0, 0, 0, y, 0, 0, 0, scratch, p, 1.0f, 0.0f);
        KILN_CHECK_BYTES(y, wy, sizeof wy);
    }
    KILN_TEST_END();
}
