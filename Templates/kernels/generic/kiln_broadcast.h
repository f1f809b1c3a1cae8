/* Header-only loop skeletons shared by the element-wise kernel files (binary arithmetic, comparisons, logic,
 * Pow, Mod, PRelu, Where) and by the unary ones. Each kernel file instantiates them once per operator and type,
 * so every kernel is one tight loop with its expression inlined.
 *
 * Broadcasting convention: the output has `rank` dims `shape` (collapsed by the compiler, so rank is small);
 * sa/sb/sc are each operand's element strides per output dim, 0 where that operand is broadcast. The innermost
 * dim runs as a strided pointer walk; outer dims advance an index odometer, so no division is done per element.
 * The output may alias an operand that is not broadcast and has elements at least as wide as the output's. */
#ifndef KILN_BROADCAST_H
#define KILN_BROADCAST_H
#include "kiln_common.h"

#define KILN_ID(v) (v)

/* y[i] = ST(EXPR) with `x` = LA(a[..]) and `z` = LB(b[..]) of compute type CT. */
#define KILN_BROADCAST2_DEF(NAME, TA, TB, TY, CT, LA, LB, EXPR, ST)                                    \
    void NAME(const TA *a, const TB *b, TY *y, int32_t rank, const int32_t *shape, const int32_t *sa, \
              const int32_t *sb)                                                                      \
    {                                                                                                 \
        int32_t idx[KILN_MAX_RANK] = {0};                                                             \
        int32_t outer = 1, inner = 1, sai = 0, sbi = 0, o, i, d;                                      \
        size_t ia = 0, ib = 0;                                                                        \
        TY *out = y;                                                                                  \
        if (rank > KILN_MAX_RANK) return; /* the compiler never emits this */                           \
        for (d = 0; d + 1 < rank; d++) outer *= shape[d];                                             \
        if (rank > 0) {                                                                               \
            inner = shape[rank - 1];                                                                  \
            sai = sa[rank - 1];                                                                       \
            sbi = sb[rank - 1];                                                                       \
        }                                                                                             \
        for (o = 0; o < outer; o++) {                                                                 \
            const TA *pa = a + ia;                                                                    \
            const TB *pb = b + ib;                                                                    \
            for (i = 0; i < inner; i++) {                                                             \
                const CT x = LA(*pa);                                                                 \
                const CT z = LB(*pb);                                                                 \
                out[i] = ST(EXPR);                                                                    \
                pa += sai;                                                                            \
                pb += sbi;                                                                            \
            }                                                                                         \
            out += inner;                                                                             \
            for (d = rank - 2; d >= 0; d--) {                                                         \
                ia += (size_t)sa[d];                                                                  \
                ib += (size_t)sb[d];                                                                  \
                if (++idx[d] < shape[d]) break;                                                       \
                ia -= (size_t)sa[d] * (size_t)shape[d];                                               \
                ib -= (size_t)sb[d] * (size_t)shape[d];                                               \
                idx[d] = 0;                                                                           \
            }                                                                                         \
        }                                                                                             \
    }

/* Same-type binary kernel computed in type T itself. */
#define KILN_BINARY_SAME(NAME, T, EXPR) KILN_BROADCAST2_DEF(NAME, T, T, T, T, KILN_ID, KILN_ID, EXPR, (T))
/* float16 / bfloat16 kernels: widen to float, compute, round once on store. */
#define KILN_BINARY_F16(NAME, EXPR) \
    KILN_BROADCAST2_DEF(NAME, uint16_t, uint16_t, uint16_t, float, kiln_f16_to_f32, kiln_f16_to_f32, EXPR, kiln_f32_to_f16)
#define KILN_BINARY_BF16(NAME, EXPR) \
    KILN_BROADCAST2_DEF(NAME, uint16_t, uint16_t, uint16_t, float, kiln_bf16_to_f32, kiln_bf16_to_f32, EXPR, kiln_f32_to_bf16)

/* Three operands (Where): `c` = a[..], `x` = b[..], `z` = cc[..]. */
#define KILN_BROADCAST3_DEF(NAME, TA, TB, TC, TY, EXPR)                                                 \
    void NAME(const TA *a, const TB *b, const TC *c, TY *y, int32_t rank, const int32_t *shape,         \
              const int32_t *sa, const int32_t *sb, const int32_t *sc)                                  \
    {                                                                                                   \
        int32_t idx[KILN_MAX_RANK] = {0};                                                               \
        int32_t outer = 1, inner = 1, sai = 0, sbi = 0, sci = 0, o, i, d;                               \
        size_t ia = 0, ib = 0, ic = 0;                                                                  \
        TY *out = y;                                                                                    \
        if (rank > KILN_MAX_RANK) return; /* the compiler never emits this */                             \
        for (d = 0; d + 1 < rank; d++) outer *= shape[d];                                               \
        if (rank > 0) {                                                                                 \
            inner = shape[rank - 1];                                                                    \
            sai = sa[rank - 1];                                                                         \
            sbi = sb[rank - 1];                                                                         \
            sci = sc[rank - 1];                                                                         \
        }                                                                                               \
        for (o = 0; o < outer; o++) {                                                                   \
            const TA *pa = a + ia;                                                                      \
            const TB *pb = b + ib;                                                                      \
            const TC *pc = c + ic;                                                                      \
            for (i = 0; i < inner; i++) {                                                               \
                out[i] = (EXPR);                                                                        \
                pa += sai;                                                                              \
                pb += sbi;                                                                              \
                pc += sci;                                                                              \
            }                                                                                           \
            out += inner;                                                                               \
            for (d = rank - 2; d >= 0; d--) {                                                           \
                ia += (size_t)sa[d];                                                                    \
                ib += (size_t)sb[d];                                                                    \
                ic += (size_t)sc[d];                                                                    \
                if (++idx[d] < shape[d]) break;                                                         \
                ia -= (size_t)sa[d] * (size_t)shape[d];                                                 \
                ib -= (size_t)sb[d] * (size_t)shape[d];                                                 \
                ic -= (size_t)sc[d] * (size_t)shape[d];                                                 \
                idx[d] = 0;                                                                             \
            }                                                                                           \
        }                                                                                               \
    }

/* Unary kernel over n elements: y[i] = ST(EXPR) with `v` = LD(x[i]) of compute type CT. y may equal x. */
#define KILN_UNARY_DEF(NAME, TX, TY, CT, LD, EXPR, ST) \
    void NAME(const TX *x, TY *y, int32_t n)           \
    {                                                  \
        int32_t i;                                     \
        for (i = 0; i < n; i++) {                      \
            const CT v = LD(x[i]);                     \
            y[i] = ST(EXPR);                           \
        }                                              \
    }

/* The four float types of a unary math op: EF is the expression in float (for float32, float16 and bfloat16),
 * ED the one in double. */
#define KILN_UNARY_FLOATS(OP, EF, ED)                                                                \
    KILN_UNARY_DEF(kiln_##OP##_f32, float, float, float, KILN_ID, EF, KILN_ID)                       \
    KILN_UNARY_DEF(kiln_##OP##_f64, double, double, double, KILN_ID, ED, KILN_ID)                    \
    KILN_UNARY_DEF(kiln_##OP##_f16, uint16_t, uint16_t, float, kiln_f16_to_f32, EF, kiln_f32_to_f16) \
    KILN_UNARY_DEF(kiln_##OP##_bf16, uint16_t, uint16_t, float, kiln_bf16_to_f32, EF, kiln_f32_to_bf16)

#define KILN_UNARY_FLOATS_DECL(OP)                                          \
    void kiln_##OP##_f32(const float *x, float *y, int32_t n);              \
    void kiln_##OP##_f64(const double *x, double *y, int32_t n);            \
    void kiln_##OP##_f16(const uint16_t *x, uint16_t *y, int32_t n);        \
    void kiln_##OP##_bf16(const uint16_t *x, uint16_t *y, int32_t n);

#endif
