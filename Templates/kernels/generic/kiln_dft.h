#ifndef KILN_DFT_H
#define KILN_DFT_H
#include "kiln_common.h"

/* Discrete Fourier transforms along one axis, computed directly (O(L^2) per transform) with a twiddle table
 * tw[2j] = cos(2 pi j / L), tw[2j+1] = sin(2 pi j / L), j < L, built at compile time.
 *
 * kiln_dft_f32: x is [outer, n_in, inner, c_in] (c_in 1: real, 2: complex), y is [outer, n_out, inner, c_out].
 * The signal is x along n_in, zero-padded or truncated to L.
 *   mode 0, forward:  y[k] = sum_n x[n] e^(-2 pi i k n / L), k < n_out (n_out = L, or L/2 + 1 one-sided)
 *   mode 0, inverse:  y[k] = 1/L sum_n x[n] e^(+2 pi i k n / L)
 *   mode 1 (inverse of a one-sided spectrum): x holds X[0..n_in); the spectrum is extended to L by Hermitian
 *     symmetry (X[L-k] = conj X[k]) and y[k] = 1/L Re sum_n X[n] e^(+2 pi i k n / L).
 * c_out 1 keeps only the real part. y must not alias x. */
void kiln_dft_f32(const float *x, const float *tw, float *y, int32_t outer, int32_t n_in, int32_t inner, int32_t c_in,
                  int32_t L, int32_t n_out, int32_t c_out, int32_t inverse, int32_t mode);

/* Short-time Fourier transform: x is [batch, length, c_in]; frame f covers x[f*step .. f*step + L), multiplied by
 * window (L values, or NULL for ones); y is [batch, frames, n_out, 2] with y[b, f, k] = sum_n w[n] x[f*step + n]
 * e^(-2 pi i k n / L). Frames must fit in the signal (the compiler guarantees it). */
void kiln_stft_f32(const float *x, const float *window, const float *tw, float *y, int32_t batch, int32_t length,
                   int32_t c_in, int32_t frames, int32_t step, int32_t L, int32_t n_out);

#endif
