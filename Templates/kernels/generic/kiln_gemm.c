#include "kiln_gemm.h"

void kiln_gemm_f32(const float *a, const float *b, const float *c, float *y, int32_t M, int32_t N, int32_t K,
                   int32_t trans_a, int32_t trans_b, float alpha, float beta, int32_t sc_m, int32_t sc_n,
                   int32_t act, float act_min, float act_max)
{
    const int32_t sam = trans_a ? 1 : K, sak = trans_a ? M : 1;
    const int32_t sbk = trans_b ? 1 : N, sbn = trans_b ? K : 1;
    int32_t m, n, k;
    for (m = 0; m < M; m++) {
        for (n = 0; n < N; n++) {
            const float *pa = a + (size_t)m * sam;
            const float *pb = b + (size_t)n * sbn;
            float acc = 0.0f, v;
            for (k = 0; k < K; k++) acc += pa[(size_t)k * sak] * pb[(size_t)k * sbk];
            v = alpha * acc;
            if (c) v += beta * c[(size_t)m * sc_m + (size_t)n * sc_n];
            if (act == KILN_ACT_RELU && v < 0.0f) v = 0.0f;
            if (act == KILN_ACT_CLIP) v = v < act_min ? act_min : (v > act_max ? act_max : v);
            y[(size_t)m * N + n] = v;
        }
    }
}
