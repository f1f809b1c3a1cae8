#include "kiln_gemm.h"

/* Shared epilogue arguments. */
typedef struct {
    const void *c;
    int32_t sc_m, sc_n;
    float alpha, beta;
    int32_t act;
    float lo, hi;
} kiln_gemm_epi;

/* The blocked core, per type: A element (m,k) at a[m*sam + k*sak], B element (k,n) at b[k*sbk + n*sbn],
 * Y row-major with row stride N. ACC is the accumulator type, LD widens an element, MAC(acc, x, z) adds x*z,
 * EPI(acc, m, n) gives the value stored. */
#define KILN_GEMM_CORE(SFX, T, ACC, LD, MAC, EPI)                                                              \
    static void kiln_gemm_core_##SFX(const T *a, int32_t sam, int32_t sak, const T *b, int32_t sbk,           \
                                     int32_t sbn, T *y, int32_t M, int32_t N, int32_t K,                       \
                                     const kiln_gemm_epi *e)                                                   \
    {                                                                                                          \
        int32_t m = 0, n, k;                                                                                   \
        for (; m + 4 <= M; m += 4) {                                                                           \
            const T *a0 = a + (size_t)m * sam, *a1 = a0 + sam, *a2 = a1 + sam, *a3 = a2 + sam;                 \
            for (n = 0; n + 4 <= N; n += 4) {                                                                  \
                const T *bn = b + (size_t)n * sbn;                                                             \
                ACC c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;                    \
                ACC c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;                    \
                for (k = 0; k < K; k++) {                                                                      \
                    const size_t ka = (size_t)k * sak;                                                         \
                    const T *bk = bn + (size_t)k * sbk;                                                        \
                    const ACC x0 = LD(a0[ka]), x1 = LD(a1[ka]), x2 = LD(a2[ka]), x3 = LD(a3[ka]);              \
                    const ACC z0 = LD(bk[0]), z1 = LD(bk[sbn]), z2 = LD(bk[2 * sbn]), z3 = LD(bk[3 * sbn]);    \
                    MAC(c00, x0, z0); MAC(c01, x0, z1); MAC(c02, x0, z2); MAC(c03, x0, z3);                    \
                    MAC(c10, x1, z0); MAC(c11, x1, z1); MAC(c12, x1, z2); MAC(c13, x1, z3);                    \
                    MAC(c20, x2, z0); MAC(c21, x2, z1); MAC(c22, x2, z2); MAC(c23, x2, z3);                    \
                    MAC(c30, x3, z0); MAC(c31, x3, z1); MAC(c32, x3, z2); MAC(c33, x3, z3);                    \
                }                                                                                              \
                {                                                                                              \
                    T *y0 = y + (size_t)m * N + n, *y1 = y0 + N, *y2 = y1 + N, *y3 = y2 + N;                   \
                    y0[0] = EPI(c00, m, n); y0[1] = EPI(c01, m, n + 1);                                        \
                    y0[2] = EPI(c02, m, n + 2); y0[3] = EPI(c03, m, n + 3);                                    \
                    y1[0] = EPI(c10, m + 1, n); y1[1] = EPI(c11, m + 1, n + 1);                                \
                    y1[2] = EPI(c12, m + 1, n + 2); y1[3] = EPI(c13, m + 1, n + 3);                            \
                    y2[0] = EPI(c20, m + 2, n); y2[1] = EPI(c21, m + 2, n + 1);                                \
                    y2[2] = EPI(c22, m + 2, n + 2); y2[3] = EPI(c23, m + 2, n + 3);                            \
                    y3[0] = EPI(c30, m + 3, n); y3[1] = EPI(c31, m + 3, n + 1);                                \
                    y3[2] = EPI(c32, m + 3, n + 2); y3[3] = EPI(c33, m + 3, n + 3);                            \
                }                                                                                              \
            }                                                                                                  \
            for (; n < N; n++) { /* 4x1 column tail */                                                         \
                const T *bn = b + (size_t)n * sbn;                                                             \
                ACC c0 = 0, c1 = 0, c2 = 0, c3 = 0;                                                            \
                for (k = 0; k < K; k++) {                                                                      \
                    const size_t ka = (size_t)k * sak;                                                         \
                    const ACC z = LD(bn[(size_t)k * sbk]);                                                     \
                    MAC(c0, LD(a0[ka]), z); MAC(c1, LD(a1[ka]), z);                                            \
                    MAC(c2, LD(a2[ka]), z); MAC(c3, LD(a3[ka]), z);                                            \
                }                                                                                              \
                y[(size_t)m * N + n] = EPI(c0, m, n);                                                          \
                y[(size_t)(m + 1) * N + n] = EPI(c1, m + 1, n);                                                \
                y[(size_t)(m + 2) * N + n] = EPI(c2, m + 2, n);                                                \
                y[(size_t)(m + 3) * N + n] = EPI(c3, m + 3, n);                                                \
            }                                                                                                  \
        }                                                                                                      \
        for (; m < M; m++) { /* row tail: 1x4 blocks, then single elements */                                  \
            const T *am = a + (size_t)m * sam;                                                                 \
            for (n = 0; n + 4 <= N; n += 4) {                                                                  \
                const T *bn = b + (size_t)n * sbn;                                                             \
                ACC c0 = 0, c1 = 0, c2 = 0, c3 = 0;                                                            \
                for (k = 0; k < K; k++) {                                                                      \
                    const T *bk = bn + (size_t)k * sbk;                                                        \
                    const ACC x = LD(am[(size_t)k * sak]);                                                     \
                    MAC(c0, x, LD(bk[0])); MAC(c1, x, LD(bk[sbn]));                                            \
                    MAC(c2, x, LD(bk[2 * sbn])); MAC(c3, x, LD(bk[3 * sbn]));                                  \
                }                                                                                              \
                y[(size_t)m * N + n] = EPI(c0, m, n);                                                          \
                y[(size_t)m * N + n + 1] = EPI(c1, m, n + 1);                                                  \
                y[(size_t)m * N + n + 2] = EPI(c2, m, n + 2);                                                  \
                y[(size_t)m * N + n + 3] = EPI(c3, m, n + 3);                                                  \
            }                                                                                                  \
            for (; n < N; n++) {                                                                               \
                const T *bn = b + (size_t)n * sbn;                                                             \
                ACC c0 = 0;                                                                                    \
                for (k = 0; k < K; k++) MAC(c0, LD(am[(size_t)k * sak]), LD(bn[(size_t)k * sbk]));             \
                y[(size_t)m * N + n] = EPI(c0, m, n);                                                          \
            }                                                                                                  \
        }                                                                                                      \
    }

/* The entry points for one type. */
#define KILN_GEMM_ENTRY(SFX, T)                                                                                \
    void kiln_gemm_##SFX(const T *a, const T *b, const T *c, T *y, int32_t M, int32_t N, int32_t K,            \
                         int32_t trans_a, int32_t trans_b, float alpha, float beta, int32_t sc_m, int32_t sc_n, \
                         int32_t act, float act_min, float act_max)                                            \
    {                                                                                                          \
        kiln_gemm_epi e;                                                                                       \
        e.c = c; e.sc_m = sc_m; e.sc_n = sc_n; e.alpha = alpha; e.beta = beta;                                 \
        e.act = act; e.lo = act_min; e.hi = act_max;                                                           \
        kiln_gemm_core_##SFX(a, trans_a ? 1 : K, trans_a ? M : 1, b, trans_b ? 1 : N, trans_b ? K : 1, y, M,   \
                             N, K, &e);                                                                        \
    }                                                                                                          \
    void kiln_matmul_##SFX(const T *a, const T *b, T *y, int32_t M, int32_t N, int32_t K, int32_t nb,          \
                           const int32_t *bshape, const int32_t *sa, const int32_t *sb, int32_t act,            \
                           float act_min, float act_max)                                                       \
    {                                                                                                          \
        int32_t idx[KILN_MAX_RANK], d;                                                                         \
        size_t oa = 0, ob = 0, batch = 1, i;                                                                   \
        kiln_gemm_epi e;                                                                                       \
        e.c = 0; e.sc_m = 0; e.sc_n = 0; e.alpha = 1.0f; e.beta = 0.0f;                                        \
        e.act = act; e.lo = act_min; e.hi = act_max;                                                           \
        for (d = 0; d < nb; d++) {                                                                             \
            idx[d] = 0;                                                                                        \
            batch *= (size_t)bshape[d];                                                                        \
        }                                                                                                      \
        for (i = 0; i < batch; i++) {                                                                          \
            kiln_gemm_core_##SFX(a + oa, K, 1, b + ob, N, 1, y + i * (size_t)M * (size_t)N, M, N, K, &e);      \
            for (d = nb - 1; d >= 0; d--) {                                                                    \
                oa += (size_t)sa[d];                                                                           \
                ob += (size_t)sb[d];                                                                           \
                if (++idx[d] < bshape[d]) break;                                                               \
                oa -= (size_t)sa[d] * (size_t)bshape[d];                                                       \
                ob -= (size_t)sb[d] * (size_t)bshape[d];                                                       \
                idx[d] = 0;                                                                                    \
            }                                                                                                  \
        }                                                                                                      \
    }

/* Float epilogue: alpha, optional beta * C, activation. */
static float kiln_gemm_act_f(float v, const kiln_gemm_epi *e)
{
    if (e->act == KILN_ACT_RELU) return v < 0.0f ? 0.0f : v;
    if (e->act == KILN_ACT_CLIP) return v < e->lo ? e->lo : (v > e->hi ? e->hi : v);
    return v;
}
static double kiln_gemm_act_d(double v, const kiln_gemm_epi *e)
{
    if (e->act == KILN_ACT_RELU) return v < 0.0 ? 0.0 : v;
    if (e->act == KILN_ACT_CLIP) return v < e->lo ? e->lo : (v > e->hi ? e->hi : v);
    return v;
}

#define KILN_GEMM_MAC(acc, x, z) acc += (x) * (z)
#define KILN_GEMM_ID(v) (v)

static float kiln_gemm_epi_f32(float acc, int32_t m, int32_t n, const kiln_gemm_epi *e)
{
    float v = e->alpha * acc;
    if (e->c) v += e->beta * ((const float *)e->c)[(size_t)m * e->sc_m + (size_t)n * e->sc_n];
    return kiln_gemm_act_f(v, e);
}
static double kiln_gemm_epi_f64(double acc, int32_t m, int32_t n, const kiln_gemm_epi *e)
{
    double v = (double)e->alpha * acc;
    if (e->c) v += (double)e->beta * ((const double *)e->c)[(size_t)m * e->sc_m + (size_t)n * e->sc_n];
    return kiln_gemm_act_d(v, e);
}
static uint16_t kiln_gemm_epi_f16(float acc, int32_t m, int32_t n, const kiln_gemm_epi *e)
{
    float v = e->alpha * acc;
    if (e->c) v += e->beta * kiln_f16_to_f32(((const uint16_t *)e->c)[(size_t)m * e->sc_m + (size_t)n * e->sc_n]);
    return kiln_f32_to_f16(kiln_gemm_act_f(v, e));
}
static uint16_t kiln_gemm_epi_bf16(float acc, int32_t m, int32_t n, const kiln_gemm_epi *e)
{
    float v = e->alpha * acc;
    if (e->c) v += e->beta * kiln_bf16_to_f32(((const uint16_t *)e->c)[(size_t)m * e->sc_m + (size_t)n * e->sc_n]);
    return kiln_f32_to_bf16(kiln_gemm_act_f(v, e));
}

#define KILN_GEMM_EPI_F32(acc, m, n) kiln_gemm_epi_f32(acc, m, n, e)
#define KILN_GEMM_EPI_F64(acc, m, n) kiln_gemm_epi_f64(acc, m, n, e)
#define KILN_GEMM_EPI_F16(acc, m, n) kiln_gemm_epi_f16(acc, m, n, e)
#define KILN_GEMM_EPI_BF16(acc, m, n) kiln_gemm_epi_bf16(acc, m, n, e)

KILN_GEMM_CORE(f32, float, float, KILN_GEMM_ID, KILN_GEMM_MAC, KILN_GEMM_EPI_F32)
KILN_GEMM_CORE(f64, double, double, KILN_GEMM_ID, KILN_GEMM_MAC, KILN_GEMM_EPI_F64)
KILN_GEMM_CORE(f16, uint16_t, float, kiln_f16_to_f32, KILN_GEMM_MAC, KILN_GEMM_EPI_F16)
KILN_GEMM_CORE(bf16, uint16_t, float, kiln_bf16_to_f32, KILN_GEMM_MAC, KILN_GEMM_EPI_BF16)

/* Integers: accumulate in the unsigned type of the same width; C (if any) is added with wrap-around. */
#define KILN_GEMM_INT(SFX, T, U)                                                                               \
    static T kiln_gemm_epi_##SFX(U acc, int32_t m, int32_t n, const kiln_gemm_epi *e)                          \
    {                                                                                                          \
        if (e->c) acc += (U)((const T *)e->c)[(size_t)m * e->sc_m + (size_t)n * e->sc_n];                      \
        return (T)acc;                                                                                         \
    }                                                                                                          \
    KILN_GEMM_CORE(SFX, T, U, (U), KILN_GEMM_MAC, KILN_GEMM_EPI_INT_##SFX)                                     \
    KILN_GEMM_ENTRY(SFX, T)

#define KILN_GEMM_EPI_INT_i32(acc, m, n) kiln_gemm_epi_i32(acc, m, n, e)
#define KILN_GEMM_EPI_INT_i64(acc, m, n) kiln_gemm_epi_i64(acc, m, n, e)
#define KILN_GEMM_EPI_INT_u32(acc, m, n) kiln_gemm_epi_u32(acc, m, n, e)
#define KILN_GEMM_EPI_INT_u64(acc, m, n) kiln_gemm_epi_u64(acc, m, n, e)

KILN_GEMM_ENTRY(f32, float)
KILN_GEMM_ENTRY(f64, double)
KILN_GEMM_ENTRY(f16, uint16_t)
KILN_GEMM_ENTRY(bf16, uint16_t)
KILN_GEMM_INT(i32, int32_t, uint32_t)
KILN_GEMM_INT(i64, int64_t, uint64_t)
KILN_GEMM_INT(u32, uint32_t, uint32_t)
KILN_GEMM_INT(u64, uint64_t, uint64_t)
