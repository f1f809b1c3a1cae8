#include "kiln_conv2d.h"
#include "kiln_test.h"

/* Per-pixel reference in the documented order: acc = 0; taps by (c, kh, kw) skipping padding; acc + bias. */
static void ref(const float *x, const float *w, const float *bias, float *y, const int32_t *p)
{
    const int N = p[KILN_CONV_N], C = p[KILN_CONV_C], H = p[KILN_CONV_H], W = p[KILN_CONV_W];
    const int M = p[KILN_CONV_M], OH = p[KILN_CONV_OH], OW = p[KILN_CONV_OW], KH = p[KILN_CONV_KH];
    const int KW = p[KILN_CONV_KW], G = p[KILN_CONV_GROUP], CG = C / G, MG = M / G;
    int n, m, oh, ow, c, kh, kw;
    for (n = 0; n < N; n++)
        for (m = 0; m < M; m++)
            for (oh = 0; oh < OH; oh++)
                for (ow = 0; ow < OW; ow++) {
                    float acc = 0.0f;
                    for (c = 0; c < CG; c++)
                        for (kh = 0; kh < KH; kh++)
                            for (kw = 0; kw < KW; kw++) {
                                const int ih = oh * p[KILN_CONV_SH] - p[KILN_CONV_PT] + kh * p[KILN_CONV_DH];
                                const int iw = ow * p[KILN_CONV_SW] - p[KILN_CONV_PL] + kw * p[KILN_CONV_DW];
                                if (ih < 0 || ih >= H || iw < 0 || iw >= W) continue;
                                acc += x[((n * C + (m / MG) * CG + c) * H + ih) * W + iw] *
                                       w[((m * CG + c) * KH + kh) * KW + kw];
                            }
                    if (bias) acc += bias[m];
                    if (p[KILN_CONV_ACT] == KILN_ACT_RELU && acc < 0) acc = 0;
                    y[((n * M + m) * OH + oh) * OW + ow] = acc;
                }
}

int main(void)
{
    float x[2 * 4 * 9 * 11], w[8 * 4 * 9], bias[8], y[2000], want[2000];
    int i;
    for (i = 0; i < 2 * 4 * 9 * 11; i++) x[i] = (float)((i * 29) % 23) * 0.173f - 1.9f;
    for (i = 0; i < 8 * 4 * 9; i++) w[i] = (float)((i * 13) % 19) * 0.211f - 1.7f;
    for (i = 0; i < 8; i++) bias[i] = (float)i * 0.3f - 1.0f;
    /* hand-computed: 3x3 image 1..9, 2x2 ones kernel, no padding */
    {
        const float img[9] = {1, 2, 3, 4, 5, 6, 7, 8, 9}, ones[4] = {1, 1, 1, 1}, r[4] = {12, 16, 24, 28};
        const int32_t p[KILN_CONV_NPARAMS] = {1, 1, 3, 3, 1, 2, 2, 2, 2, 1, 1, 1, 1, 0, 0, 1, 0};
        float o[4];
        kiln_conv2d_f32(img, ones, 0, o, p, 0, 0);
        KILN_CHECK_BYTES(o, r, sizeof r);
    }
    /* general: N=2, C=4, 9x11, M=4, G=2, 3x3, stride (2,1), dilation (1,2), pads (1,2) -> 5x9 */
    {
        const int32_t p[KILN_CONV_NPARAMS] = {2, 4, 9, 11, 4, 5, 9, 3, 3, 2, 1, 1, 2, 1, 2, 2, KILN_ACT_RELU};
        ref(x, w, bias, want, p);
        kiln_conv2d_f32(x, w, bias, y, p, 0, 0);
        KILN_CHECK_BYTES(y, want, 2 * 4 * 5 * 9 * sizeof(float));
    }
    /* depthwise (G = C = 4, multiplier 2), 3x3 pad 1 stride 1 and stride 2: same bits as the general path */
    {
        const int32_t p1[KILN_CONV_NPARAMS] = {2, 4, 9, 11, 8, 9, 11, 3, 3, 1, 1, 1, 1, 1, 1, 4, 0};
        const int32_t p2[KILN_CONV_NPARAMS] = {2, 4, 9, 11, 8, 5, 6, 3, 3, 2, 2, 1, 1, 1, 1, 4, 0};
        ref(x, w, bias, want, p1);
        kiln_conv2d_depthwise_f32(x, w, bias, y, p1, 0, 0);
        KILN_CHECK_BYTES(y, want, 2 * 8 * 9 * 11 * sizeof(float));
        kiln_conv2d_f32(x, w, bias, y, p1, 0, 0);
        KILN_CHECK_BYTES(y, want, 2 * 8 * 9 * 11 * sizeof(float));
        ref(x, w, 0, want, p2);
        kiln_conv2d_depthwise_f32(x, w, 0, y, p2, 0, 0);
        KILN_CHECK_BYTES(y, want, 2 * 8 * 5 * 6 * sizeof(float));
    }
    /* pointwise as GEMM: C=4 -> M=6 over 9x11 */
    {
        const int32_t p[KILN_CONV_NPARAMS] = {2, 4, 9, 11, 6, 9, 11, 1, 1, 1, 1, 1, 1, 0, 0, 1, 0};
        ref(x, w, bias, want, p);
        kiln_conv2d_pointwise_f32(x, w, bias, y, p, 0, 0);
        KILN_CHECK_BYTES(y, want, 2 * 6 * 99 * sizeof(float));
        ref(x, w, 0, want, p);
        kiln_conv2d_pointwise_f32(x, w, 0, y, p, 0, 0);
        KILN_CHECK_BYTES(y, want, 2 * 6 * 99 * sizeof(float));
    }
    /* clip activation */
    {
        const float img[4] = {-5, 1, 2, 9}, one[1] = {1}, r[4] = {-1, 1, 2, 6};
        const int32_t p[KILN_CONV_NPARAMS] = {1, 1, 2, 2, 1, 2, 2, 1, 1, 1, 1, 1, 1, 0, 0, 1, KILN_ACT_CLIP};
        float o[4];
        kiln_conv2d_f32(img, one, 0, o, p, -1.0f, 6.0f);
        KILN_CHECK_BYTES(o, r, sizeof r);
        kiln_conv2d_pointwise_f32(img, one, 0, o, p, -1.0f, 6.0f);
        KILN_CHECK_BYTES(o, r, sizeof r);
    }
    KILN_TEST_END();
}
