#include "kiln_gemm.h"
#include "kiln_test.h"

/* Naive reference with the documented order: acc = 0; acc += a*b for k ascending; v = alpha*acc + beta*c. */
static void ref(const float *a, const float *b, const float *c, float *y, int M, int N, int K, int ta, int tb,
                float alpha, float beta, int scm, int scn, int act, float lo, float hi)
{
    int m, n, k;
    for (m = 0; m < M; m++)
        for (n = 0; n < N; n++) {
            float acc = 0.0f, v;
            for (k = 0; k < K; k++) {
                const float x = ta ? a[k * M + m] : a[m * K + k];
                const float z = tb ? b[n * K + k] : b[k * N + n];
                acc += x * z;
            }
            v = alpha * acc;
            if (c) v += beta * c[m * scm + n * scn];
            if (act == KILN_ACT_RELU && v < 0) v = 0;
            if (act == KILN_ACT_CLIP) v = v < lo ? lo : (v > hi ? hi : v);
            y[m * N + n] = v;
        }
}

int main(void)
{
    float a[7 * 9], b[9 * 6], c[6], y[7 * 6], want[7 * 6];
    int i, ta, tb;
    for (i = 0; i < 7 * 9; i++) a[i] = (float)((i * 37) % 17) * 0.37f - 2.5f;
    for (i = 0; i < 9 * 6; i++) b[i] = (float)((i * 11) % 13) * 0.71f - 3.0f;
    for (i = 0; i < 6; i++) c[i] = (float)i * 0.5f - 1.0f;
    /* 7x6 output with K = 9 exercises the 4x4 blocks and both tails; all transposes */
    for (ta = 0; ta < 2; ta++)
        for (tb = 0; tb < 2; tb++) {
            ref(a, b, c, want, 7, 6, 9, ta, tb, 0.5f, 2.0f, 0, 1, KILN_ACT_NONE, 0, 0);
            kiln_gemm_f32(a, b, c, y, 7, 6, 9, ta, tb, 0.5f, 2.0f, 0, 1, KILN_ACT_NONE, 0, 0);
            KILN_CHECK_BYTES(y, want, sizeof want);
        }
    /* no C, relu; clip */
    ref(a, b, 0, want, 7, 6, 9, 0, 0, 1.0f, 1.0f, 0, 0, KILN_ACT_RELU, 0, 0);
    kiln_gemm_f32(a, b, 0, y, 7, 6, 9, 0, 0, 1.0f, 1.0f, 0, 0, KILN_ACT_RELU, 0, 0);
    KILN_CHECK_BYTES(y, want, sizeof want);
    ref(a, b, 0, want, 7, 6, 9, 0, 0, 1.0f, 1.0f, 0, 0, KILN_ACT_CLIP, -1.0f, 6.0f);
    kiln_gemm_f32(a, b, 0, y, 7, 6, 9, 0, 0, 1.0f, 1.0f, 0, 0, KILN_ACT_CLIP, -1.0f, 6.0f);
    KILN_CHECK_BYTES(y, want, sizeof want);
    /* hand-computed 2x2 */
    {
        const float p[4] = {1, 2, 3, 4}, q[4] = {5, 6, 7, 8}, r[4] = {19, 22, 43, 50};
        float s[4];
        kiln_gemm_f32(p, q, 0, s, 2, 2, 2, 0, 0, 1.0f, 1.0f, 0, 0, 0, 0, 0);
        KILN_CHECK_BYTES(s, r, sizeof r);
    }
    /* batched matmul with broadcasting: A [2,1,2x2] x B [1,3,2x2] -> [2,3,2x2]; batch strides in elements */
    {
        const float A[8] = {1, 0, 0, 1, 2, 0, 0, 2};
        const float B[12] = {1, 2, 3, 4, 0, 1, 1, 0, -1, 0, 0, -1};
        const int32_t shape[2] = {2, 3}, sa[2] = {4, 0}, sb[2] = {0, 4};
        float Y[24];
        const float W[24] = {1, 2, 3, 4, 0, 1, 1, 0, -1, 0, 0, -1, 2, 4, 6, 8, 0, 2, 2, 0, -2, 0, 0, -2};
        kiln_matmul_f32(A, B, Y, 2, 2, 2, 2, shape, sa, sb, 0, 0, 0);
        KILN_CHECK_BYTES(Y, W, sizeof W);
    }
    /* integers wrap */
    {
        const int32_t p[2] = {INT32_MAX, 2}, q[2] = {2, 1};
        int32_t r;
        kiln_matmul_i32(p, q, &r, 1, 1, 2, 0, 0, 0, 0, 0, 0, 0);
        KILN_CHECK(r == 0); /* 2*INT32_MAX + 2 wraps to 0 */
    }
    KILN_TEST_END();
}
