/* Target side of the Xtensa smoke test (see smoke-test.sh).
 * Usage (under QEMU): -kernel smoke-test.elf -append "VECTORS_FILE OUTPUT_FILE kiln-xtensa"
 * Reads the vectors with fopen/fread, recomputes every operation (soft-float runtime, picolibc libm, integer
 * division routines), compares the bit patterns with the host's (smoke_result_ok), writes every result and a printf-formatted line to
 * OUTPUT_FILE with fwrite (the script compares it byte for byte with the host's), and exits with status 3 when all
 * checks pass (1 otherwise). kiln_mark() brackets a fixed workload for the instruction-count plugin check. */
#include <errno.h>
#include <stdlib.h>

#include "smoke-ops.h"

static const char *const op_names[] = {
#define SMOKE_NAME(name) #name,
    SMOKE_OPS(SMOKE_NAME)
#undef SMOKE_NAME
};

__attribute__((noinline)) void kiln_mark(void) { __asm__ __volatile__("" ::: "memory"); }

static volatile float workload_in = 1.0001f;
static volatile float workload_out;

static void workload(void)
{
    float x = workload_in, acc = 0.0f;
    int i;
    for (i = 0; i < 200; i++) {
        acc = acc * x + (float)i / 7.0f;
        x = sqrtf(x + acc * 1e-6f);
    }
    workload_out = acc;
}

static volatile int32_t fmt_i = -123456;
static volatile uint32_t fmt_u = 0xdeadbeefu;
static volatile int64_t fmt_ll = -9876543210123ll;
static volatile float fmt_f = 0.1f;
static volatile double fmt_three = 3.0;

int main(int argc, char **argv)
{
    static struct smoke_vector chunk[64];
    static uint64_t results[64];
    unsigned long total = 0, failures = 0, one_ulp = 0, per_op_fail[OP_COUNT];
    size_t got, i;
    FILE *in, *out;
    char line[256];
    int len, ok = 1;

    memset(per_op_fail, 0, sizeof per_op_fail);
    /* argv as with picolibc's semihosting crt0 on Arm and RISC-V: "program-name", the ELF path, then the words of
     * QEMU's -append. */
    if (argc != 5 || strcmp(argv[0], "program-name") != 0 || strcmp(argv[4], "kiln-xtensa") != 0 || argv[5] != NULL) {
        fprintf(stderr, "smoke-test: unexpected arguments (argc=%d)\n", argc);
        return 1;
    }
    printf("smoke-test: argc=%d argv[0]=%s argv[1]=%s argv[2]=%s argv[3]=%s\n", argc, argv[0], argv[1], argv[2],
           argv[3]);

    errno = 0;
    if (fopen("/nonexistent-kiln-dir/file", "rb") != NULL || errno != ENOENT) {
        fprintf(stderr, "smoke-test: opening a missing file: errno %d, expected ENOENT\n", errno);
        ok = 0;
    }

    in = fopen(argv[2], "rb");
    out = fopen(argv[3], "wb");
    if (!in || !out) {
        fprintf(stderr, "smoke-test: cannot open %s or %s (errno %d)\n", argv[2], argv[3], errno);
        return 1;
    }

    kiln_mark();
    workload();
    kiln_mark();
    workload();
    kiln_mark();

    while ((got = fread(chunk, sizeof chunk[0], sizeof chunk / sizeof chunk[0], in)) > 0) {
        for (i = 0; i < got; i++) {
            const struct smoke_vector *v = &chunk[i];
            uint64_t r = smoke_compute(v->op, v->a, v->b);
            results[i] = r;
            total++;
            if (!smoke_result_ok(v->op, r, v->expect, &one_ulp)) {
                failures++;
                if (v->op < OP_COUNT) per_op_fail[v->op]++;
                if (failures <= 20)
                    printf("MISMATCH %s a=0x%016llx b=0x%016llx got=0x%016llx want=0x%016llx\n",
                           v->op < OP_COUNT ? op_names[v->op] : "?", (unsigned long long)v->a,
                           (unsigned long long)v->b, (unsigned long long)r, (unsigned long long)v->expect);
            }
        }
        if (fwrite(results, sizeof results[0], got, out) != got) {
            fprintf(stderr, "smoke-test: fwrite failed\n");
            return 1;
        }
    }
    if (ferror(in)) {
        fprintf(stderr, "smoke-test: fread failed\n");
        return 1;
    }
    fclose(in);

    len = smoke_format(line, sizeof line, fmt_i, fmt_u, fmt_ll, fmt_f, 1.0 / fmt_three);
    if (len <= 0 || fwrite(line, 1, (size_t)len, out) != (size_t)len || fclose(out) != 0) {
        fprintf(stderr, "smoke-test: writing %s failed\n", argv[3]);
        return 1;
    }
    printf("smoke-test: printf: %s\n", line);

    for (i = 0; i < OP_COUNT; i++)
        if (per_op_fail[i]) printf("smoke-test: %s: %lu mismatches\n", op_names[i], per_op_fail[i]);
    printf("smoke-test: %lu vectors, %lu mismatches (%lu expf results 1 ulp from glibc's)\n", total, failures,
           one_ulp);
    if (total == 0 || failures != 0) ok = 0;
    return ok ? 3 : 1;
}
