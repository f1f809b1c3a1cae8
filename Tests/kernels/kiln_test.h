/* Tiny assertion helpers for kernel tests: exact comparisons, with the first mismatch printed. */
#ifndef KILN_TEST_H
#define KILN_TEST_H
#include <stdio.h>
#include <string.h>

static int kiln_test_failures = 0;

#define KILN_CHECK(cond)                                                         \
    do {                                                                         \
        if (!(cond)) {                                                           \
            printf("%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);      \
            kiln_test_failures++;                                                \
        }                                                                        \
    } while (0)

/* Bit-exact comparison of n elements of two arrays. */
#define KILN_CHECK_BYTES(got, want, nbytes)                                      \
    do {                                                                         \
        if (memcmp((got), (want), (nbytes)) != 0) {                              \
            printf("%s:%d: %s differs from %s\n", __FILE__, __LINE__, #got, #want); \
            kiln_test_failures++;                                                \
        }                                                                        \
    } while (0)

#define KILN_TEST_END() return kiln_test_failures ? 1 : 0

#endif
