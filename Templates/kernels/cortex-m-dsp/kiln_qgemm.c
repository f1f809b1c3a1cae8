/* Cortex-M cores with the DSP extension: the generic quantized fully connected kernel (kiln_qgemm.c) with its
 * int8 dot products on SMLAD, 4 inputs per 32-bit load, unpacked in sign-extended pairs with SXTB16 (see the
 * cortex-m-dsp kiln_qconv.c). The same integer sums as the generic code. */
#include "kiln_qgemm.h"

static inline uint32_t kiln_g_sxtb16(uint32_t x)
{
    uint32_t r;
    __asm__("sxtb16 %0, %1" : "=r"(r) : "r"(x));
    return r;
}
static inline uint32_t kiln_g_sxtb16_ror8(uint32_t x)
{
    uint32_t r;
    __asm__("sxtb16 %0, %1, ror #8" : "=r"(r) : "r"(x));
    return r;
}
static inline int32_t kiln_g_smlad(uint32_t a, uint32_t b, int32_t acc)
{
    int32_t r;
    __asm__("smlad %0, %1, %2, %3" : "=r"(r) : "r"(a), "r"(b), "r"(acc));
    return r;
}
static inline uint32_t kiln_g_load4(const void *p)
{
    uint32_t v;
    memcpy(&v, p, 4);
    return v;
}

/* Only for int8 inputs with 32-bit accumulators (the other instantiations keep the scalar loop). */
#define KILN_QGEMM_DOT4_int8_t_int32_t                                                              \
    for (; k + 4 <= K; k += 4) {                                                                    \
        const uint32_t x4 = kiln_g_load4(xr + k);                                                   \
        const uint32_t xe = kiln_g_sxtb16(x4), xo = kiln_g_sxtb16_ror8(x4);                         \
        const uint32_t v0 = kiln_g_load4(w0 + k), v1 = kiln_g_load4(w1 + k);                        \
        const uint32_t v2 = kiln_g_load4(w2 + k), v3 = kiln_g_load4(w3 + k);                        \
        a0 = kiln_g_smlad(xo, kiln_g_sxtb16_ror8(v0), kiln_g_smlad(xe, kiln_g_sxtb16(v0), a0));      \
        a1 = kiln_g_smlad(xo, kiln_g_sxtb16_ror8(v1), kiln_g_smlad(xe, kiln_g_sxtb16(v1), a1));      \
        a2 = kiln_g_smlad(xo, kiln_g_sxtb16_ror8(v2), kiln_g_smlad(xe, kiln_g_sxtb16(v2), a2));      \
        a3 = kiln_g_smlad(xo, kiln_g_sxtb16_ror8(v3), kiln_g_smlad(xe, kiln_g_sxtb16(v3), a3));      \
    }
#define KILN_QGEMM_DOT4_uint8_t_int32_t
#define KILN_QGEMM_DOT4_int16_t_int64_t
#define KILN_QGEMM_DOT4(XT, ACC) KILN_QGEMM_DOT4_##XT##_##ACC
#include "kiln_qgemm_body.h"
