#include "kiln_dft.h"
#include "kiln_test.h"

/* L = 4 with an exact twiddle table, integer signals: every result is exact. */
int main(void)
{
    const float tw[8] = {1, 0, 0, 1, -1, 0, 0, -1};
    /* real [1,2,3,4] -> [10, -2+2i, -2, -2-2i] */
    {
        const float x[4] = {1, 2, 3, 4};
        const float want[8] = {10, 0, -2, 2, -2, 0, -2, -2};
        const float half[6] = {10, 0, -2, 2, -2, 0};
        float y[8];
        kiln_dft_f32(x, tw, y, 1, 4, 1, 1, 4, 4, 2, 0, 0);
        KILN_CHECK_BYTES(y, want, sizeof want);
        kiln_dft_f32(x, tw, y, 1, 4, 1, 1, 4, 3, 2, 0, 0); /* one-sided */
        KILN_CHECK_BYTES(y, half, sizeof half);
    }
    /* inverse of the full spectrum, and of the one-sided one (real output) */
    {
        const float X[8] = {10, 0, -2, 2, -2, 0, -2, -2};
        const float want[8] = {1, 0, 2, 0, 3, 0, 4, 0};
        const float want_real[4] = {1, 2, 3, 4};
        float y[8];
        kiln_dft_f32(X, tw, y, 1, 4, 1, 2, 4, 4, 2, 1, 0);
        KILN_CHECK_BYTES(y, want, sizeof want);
        kiln_dft_f32(X, tw, y, 1, 3, 1, 2, 4, 4, 1, 1, 1);
        KILN_CHECK_BYTES(y, want_real, sizeof want_real);
    }
    /* zero padding: [1,2] padded to 4 -> [3, 1-2i, -1, 1+2i]; strided layout: outer 1, n 2, inner 2 */
    {
        const float x[4] = {1, 5, 2, 6}; /* signals [1,2] and [5,6] interleaved (inner = 2) */
        const float want[16] = {3, 0, 11, 0, 1, -2, 5, -6, -1, 0, -1, 0, 1, 2, 5, 6};
        float y[16];
        kiln_dft_f32(x, tw, y, 1, 2, 2, 1, 4, 4, 2, 0, 0);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    /* STFT: signal [1..6], L = 4, step 2: frames [1,2,3,4] and [3,4,5,6]; window [1,1,1,1] and [0,1,1,0] */
    {
        const float x[6] = {1, 2, 3, 4, 5, 6};
        const float w[4] = {0, 1, 1, 0};
        const float want[12] = {10, 0, -2, 2, -2, 0, 18, 0, -2, 2, -2, 0};
        /* frame [0,2,3,0]: [5, -2-3i... ] computed: X0 = 5, X1 = 2*(-i) + 3*(-1) = -3-2i, X2 = -2+3 = 1 */
        const float wwant[12] = {5, 0, -3, -2, 1, 0, 9, 0, -5, -4, 1, 0};
        float y[12];
        kiln_stft_f32(x, NULL, tw, y, 1, 6, 1, 2, 2, 4, 3);
        KILN_CHECK_BYTES(y, want, sizeof want);
        kiln_stft_f32(x, w, tw, y, 1, 6, 1, 2, 2, 4, 3);
        KILN_CHECK_BYTES(y, wwant, sizeof wwant);
    }
    KILN_TEST_END();
}
