/* Host side of the Xtensa smoke test.
 *   smoke-vectors gen VECTORS_FILE [PER_OP]   writes the test vectors: operands and the results computed on the host
 *   smoke-vectors check VECTORS_FILE OUTPUT_FILE
 *                                             checks the target's output file: one 64-bit result per vector (same
 *                                             acceptance rule as the target, smoke_result_ok) followed by the
 *                                             smoke_format line, which must equal the host's byte for byte
 * Build: cc -O2 -ffp-contract=off -o smoke-vectors smoke-vectors.c -lm */
#include <float.h>
#include <stdlib.h>

#include "smoke-ops.h"

static uint64_t rng = 0x9e3779b97f4a7c15ull;
static uint64_t rnd(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}
static uint32_t rnd_below(uint32_t n) { return (uint32_t)(rnd() % n); }

static const uint32_t fspecial[] = {
    0x00000000, 0x80000000, 0x3f800000, 0xbf800000, 0x3f000000, 0x40000000, 0x40400000, 0x7f7fffff, 0xff7fffff,
    0x00800000, 0x80800000, 0x00000001, 0x80000001, 0x007fffff, 0x7f800000, 0xff800000, 0x7fc00000, 0x3f800001,
    0x3f7fffff, 0x4b800000, 0x4b800001, 0x33800000, 0x34000000, 0x4f000000, 0xcf000000, 0x3dcccccd,
};
static const uint64_t dspecial[] = {
    0x0000000000000000ull, 0x8000000000000000ull, 0x3ff0000000000000ull, 0xbff0000000000000ull,
    0x3fe0000000000000ull, 0x7fefffffffffffffull, 0xffefffffffffffffull, 0x0010000000000000ull,
    0x0000000000000001ull, 0x800fffffffffffffull, 0x7ff0000000000000ull, 0xfff0000000000000ull,
    0x7ff8000000000000ull, 0x3ff0000000000001ull, 0x3fefffffffffffffull, 0x4340000000000000ull,
    0x4340000000000001ull, 0x3ca0000000000000ull, 0x41dfffffffc00000ull, 0xc1e0000000000000ull,
    0x47efffffe0000000ull, 0x47efffff10000000ull, 0x36a0000000000000ull, 0x3fb999999999999aull,
};
#define NFS (sizeof fspecial / sizeof fspecial[0])
#define NDS (sizeof dspecial / sizeof dspecial[0])

/* A float with a random sign, a random mantissa and an exponent in [lo, hi] (unbiased). */
static uint32_t rnd_float_exp(int lo, int hi)
{
    uint32_t e = (uint32_t)(lo + (int)rnd_below((uint32_t)(hi - lo + 1)) + 127);
    return (uint32_t)(rnd() & 0x807fffffu) | (e << 23);
}
static uint64_t rnd_double_exp(int lo, int hi)
{
    uint64_t e = (uint64_t)(lo + (int)rnd_below((uint32_t)(hi - lo + 1)) + 1023);
    return (rnd() & 0x800fffffffffffffull) | (e << 52);
}
static uint32_t rnd_float_any(void)
{
    switch (rnd_below(10)) {
    case 0: case 1: case 2: case 3: return (uint32_t)rnd();
    case 4: return fspecial[rnd_below(NFS)];
    case 5: return (uint32_t)rnd() & 0x807fffffu; /* subnormal */
    default: return rnd_float_exp(-20, 20);
    }
}
static uint64_t rnd_double_any(void)
{
    switch (rnd_below(10)) {
    case 0: case 1: case 2: case 3: return rnd();
    case 4: return dspecial[rnd_below(NDS)];
    case 5: return rnd() & 0x800fffffffffffffull;
    default: return rnd_double_exp(-40, 40);
    }
}
/* b close to a (same or neighbouring exponent: cancellation and rounding cases in add/sub). */
static uint32_t near_float(uint32_t a) { return (a ^ ((uint32_t)rnd() & 0x0000ffffu)) + ((uint32_t)rnd_below(3) << 23) - (1u << 23); }
static uint64_t near_double(uint64_t a) { return (a ^ (rnd() & 0x00000000ffffffffull)) + ((uint64_t)rnd_below(3) << 52) - (1ull << 52); }

/* A random integer of random bit length (small and large values alike). */
static uint64_t rnd_int(int bits)
{
    int len = 1 + (int)rnd_below((uint32_t)bits);
    uint64_t v = rnd();
    if (len < 64) v &= (1ull << len) - 1;
    return v;
}

static FILE *vec_out;
static unsigned long count;

static void emit(uint32_t op, uint64_t a, uint64_t b)
{
    struct smoke_vector v;
    memset(&v, 0, sizeof v);
    v.op = op;
    v.a = a;
    v.b = b;
    v.expect = smoke_compute(op, a, b);
    if (fwrite(&v, sizeof v, 1, vec_out) != 1) {
        perror("smoke-vectors: write");
        exit(1);
    }
    count++;
}

static int f_in_range(uint32_t bits, double lo, double hi)
{
    float f = smoke_f(bits);
    return f == f && (double)f >= lo && (double)f < hi;
}
static int d_in_range(uint64_t bits, double lo, double hi)
{
    double d = smoke_d(bits);
    return d == d && d >= lo && d < hi;
}

static int check(const char *vec_path, const char *out_path)
{
    FILE *vf = fopen(vec_path, "rb"), *of = fopen(out_path, "rb");
    struct smoke_vector v;
    uint64_t got;
    unsigned long n = 0, bad = 0, one_ulp = 0;
    char want_line[256], got_line[256];
    size_t len;
    if (!vf || !of) {
        fprintf(stderr, "smoke-vectors: cannot open %s or %s\n", vec_path, out_path);
        return 1;
    }
    while (fread(&v, sizeof v, 1, vf) == 1) {
        if (fread(&got, sizeof got, 1, of) != 1) {
            fprintf(stderr, "smoke-vectors: %s is short (%lu results)\n", out_path, n);
            return 1;
        }
        if (!smoke_result_ok(v.op, got, v.expect, &one_ulp)) bad++;
        n++;
    }
    smoke_format(want_line, sizeof want_line, -123456, 0xdeadbeefu, -9876543210123ll, 0.1f, 1.0 / 3.0);
    len = fread(got_line, 1, sizeof got_line - 1, of);
    got_line[len] = 0;
    if (strcmp(want_line, got_line) != 0) {
        fprintf(stderr, "smoke-vectors: formatted line differs:\n  target: %s\n  host:   %s\n", got_line, want_line);
        bad++;
    }
    printf("smoke-vectors: checked %lu results from the target: %lu bad, %lu expf results 1 ulp from glibc\n", n,
           bad, one_ulp);
    return bad != 0 || n == 0;
}

int main(int argc, char **argv)
{
    int n = argc > 3 ? atoi(argv[3]) : 1000;
    uint32_t op;
    int i;
    size_t s, t;
    if (argc == 4 && strcmp(argv[1], "check") == 0) return check(argv[2], argv[3]);
    if (argc < 3 || strcmp(argv[1], "gen") != 0) {
        fprintf(stderr, "usage: smoke-vectors gen VECTORS_FILE [PER_OP] | smoke-vectors check VECTORS_FILE OUTPUT\n");
        return 2;
    }
    vec_out = fopen(argv[2], "wb");
    if (!vec_out) {
        perror("smoke-vectors: open");
        return 1;
    }
    for (op = 0; op < OP_COUNT; op++) {
        /* Every pair of special values for the binary floating-point operations. */
        if (op == OP_F_ADD || op == OP_F_SUB || op == OP_F_MUL || op == OP_F_DIV || op == OP_F_LT || op == OP_F_EQ)
            for (s = 0; s < NFS; s++)
                for (t = 0; t < NFS; t++) emit(op, fspecial[s], fspecial[t]);
        if (op == OP_D_ADD || op == OP_D_SUB || op == OP_D_MUL || op == OP_D_DIV || op == OP_D_LT)
            for (s = 0; s < NDS; s++)
                for (t = 0; t < NDS; t++) emit(op, dspecial[s], dspecial[t]);
        for (i = 0; i < n; i++) {
            uint32_t fa = rnd_float_any(), fb = rnd_below(4) == 0 ? near_float(fa) : rnd_float_any();
            uint64_t da = rnd_double_any(), db = rnd_below(4) == 0 ? near_double(da) : rnd_double_any();
            uint64_t ia, ib;
            switch (op) {
            case OP_F_ADD: case OP_F_SUB: case OP_F_MUL: case OP_F_DIV: case OP_F_LT: case OP_F_EQ:
                emit(op, fa, fb);
                break;
            case OP_F_SQRT: case OP_F_TO_D:
                emit(op, fa, 0);
                break;
            case OP_F_EXP:
                emit(op, i % 8 == 0 ? fa : rnd_float_exp(-30, 6), 0);
                break;
            case OP_F_TO_I32:
                fa = rnd_float_exp(-4, 31);
                if (f_in_range(fa, -2147483648.0, 2147483648.0)) emit(op, fa, 0);
                break;
            case OP_F_TO_U32:
                fa = rnd_float_exp(-4, 31) & 0x7fffffffu;
                if (f_in_range(fa, 0.0, 4294967296.0)) emit(op, fa, 0);
                break;
            case OP_F_TO_I64:
                fa = rnd_float_exp(-4, 63);
                if (f_in_range(fa, -9223372036854775808.0, 9223372036854775808.0)) emit(op, fa, 0);
                break;
            case OP_D_TO_I32:
                da = rnd_double_exp(-4, 31);
                if (d_in_range(da, -2147483648.0, 2147483648.0)) emit(op, da, 0);
                break;
            case OP_D_TO_U32:
                da = rnd_double_exp(-4, 32) & 0x7fffffffffffffffull;
                if (d_in_range(da, 0.0, 4294967296.0)) emit(op, da, 0);
                break;
            case OP_D_TO_I64:
                da = rnd_double_exp(-4, 63);
                if (d_in_range(da, -9223372036854775808.0, 9223372036854775808.0)) emit(op, da, 0);
                break;
            case OP_I32_TO_F: case OP_U32_TO_F: case OP_I32_TO_D: case OP_U32_TO_D:
                ia = rnd_int(32);
                emit(op, rnd_below(2) ? (uint32_t)-(int32_t)ia : ia, 0);
                break;
            case OP_I64_TO_F: case OP_I64_TO_D:
                ia = rnd_int(64);
                emit(op, rnd_below(2) ? (uint64_t)0 - ia : ia, 0);
                break;
            case OP_D_TO_F: case OP_D_SQRT:
                emit(op, i % 4 == 0 ? rnd_double_exp(-150, 130) : da, 0);
                break;
            case OP_D_ADD: case OP_D_SUB: case OP_D_MUL: case OP_D_DIV: case OP_D_LT:
                emit(op, da, db);
                break;
            case OP_I32_DIV: case OP_I32_MOD: case OP_U32_DIV: case OP_U32_MOD: case OP_I32_MUL:
            case OP_U32_WIDEN_MUL:
                ia = rnd_int(32);
                ib = rnd_int(32);
                if (rnd_below(2)) ia = (uint32_t)-(int32_t)ia;
                if (rnd_below(2)) ib = (uint32_t)-(int32_t)ib;
                if ((uint32_t)ib == 0) break;
                if ((op == OP_I32_DIV || op == OP_I32_MOD) && (uint32_t)ia == 0x80000000u && (uint32_t)ib == 0xffffffffu)
                    break;
                emit(op, (uint32_t)ia, (uint32_t)ib);
                break;
            case OP_I64_DIV: case OP_I64_MOD: case OP_U64_DIV: case OP_U64_MOD: case OP_I64_MUL:
                ia = rnd_int(64);
                ib = rnd_int(64);
                if (rnd_below(2)) ia = 0 - ia;
                if (rnd_below(2)) ib = 0 - ib;
                if (ib == 0) break;
                if ((op == OP_I64_DIV || op == OP_I64_MOD) && ia == 0x8000000000000000ull && ib == ~0ull) break;
                emit(op, ia, ib);
                break;
            default:
                break;
            }
        }
    }
    if (fclose(vec_out) != 0) {
        perror("smoke-vectors: close");
        return 1;
    }
    printf("smoke-vectors: %lu vectors\n", count);
    return 0;
}
