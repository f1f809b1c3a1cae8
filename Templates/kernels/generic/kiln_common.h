/* Shared definitions for Kiln kernels. Every kernel header includes this file.
 * Kernels are plain C99: no allocation, no globals, no I/O; sizes are int32_t because no tensor that fits a
 * microcontroller needs more, and 32-bit arithmetic is what those cores do fast. */
#ifndef KILN_COMMON_H
#define KILN_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Highest tensor rank the generic (broadcasting, transposing) kernels handle; the compiler collapses dims first. */
#define KILN_MAX_RANK 8

#if defined(__GNUC__) || defined(__clang__)
#define KILN_ALIGNED(n) __attribute__((aligned(n)))
#else
#define KILN_ALIGNED(n)
#endif

/* Fused activations that kernels apply to their results (Conv+Relu, Gemm+Clip...). */
enum { KILN_ACT_NONE = 0, KILN_ACT_RELU = 1, KILN_ACT_CLIP = 2 };

/* IEEE binary16 <-> binary32, round-to-nearest-even, as ONNX Cast requires. Computations on float16 and
 * bfloat16 tensors widen to float32 and round once on store. */
static inline float kiln_f16_to_f32(uint16_t h)
{
    uint32_t sign = (uint32_t)(h & 0x8000u) << 16;
    uint32_t exp = (h >> 10) & 0x1fu;
    uint32_t mant = h & 0x3ffu;
    uint32_t bits;
    float f;
    if (exp == 0x1fu) {
        bits = sign | 0x7f800000u | (mant << 13);
    } else if (exp == 0) {
        if (mant == 0) {
            bits = sign;
        } else {
            /* subnormal: normalize */
            exp = 113;
            while ((mant & 0x400u) == 0) { mant <<= 1; exp--; }
            mant &= 0x3ffu;
            bits = sign | (exp << 23) | (mant << 13);
        }
    } else {
        bits = sign | ((exp + 112u) << 23) | (mant << 13);
    }
    memcpy(&f, &bits, sizeof f);
    return f;
}

static inline uint16_t kiln_f32_to_f16(float f)
{
    uint32_t x, mant, rem, h;
    uint16_t sign;
    int32_t exp, e;
    memcpy(&x, &f, sizeof x);
    sign = (uint16_t)((x >> 16) & 0x8000u);
    exp = (int32_t)((x >> 23) & 0xffu);
    mant = x & 0x7fffffu;
    if (exp == 0xff) return (uint16_t)(sign | 0x7c00u | (mant ? 0x200u : 0u));
    e = exp - 127 + 15;
    if (e >= 0x1f) return (uint16_t)(sign | 0x7c00u);
    if (e <= 0) {
        uint32_t shift, half;
        if (e < -10) return sign;
        mant |= 0x800000u;
        shift = (uint32_t)(14 - e);
        h = mant >> shift;
        rem = mant & ((1u << shift) - 1u);
        half = 1u << (shift - 1u);
        if (rem > half || (rem == half && (h & 1u))) h++;
        return (uint16_t)(sign | h);
    }
    h = ((uint32_t)e << 10) | (mant >> 13);
    rem = mant & 0x1fffu;
    if (rem > 0x1000u || (rem == 0x1000u && (h & 1u))) h++;
    return (uint16_t)(sign | h);
}

static inline float kiln_bf16_to_f32(uint16_t h)
{
    uint32_t bits = (uint32_t)h << 16;
    float f;
    memcpy(&f, &bits, sizeof f);
    return f;
}

static inline uint16_t kiln_f32_to_bf16(float f)
{
    uint32_t x;
    memcpy(&x, &f, sizeof x);
    if ((x & 0x7fffffffu) > 0x7f800000u) return (uint16_t)((x >> 16) | 0x40u);
    return (uint16_t)((x + 0x7fffu + ((x >> 16) & 1u)) >> 16);
}

#endif /* KILN_COMMON_H */
