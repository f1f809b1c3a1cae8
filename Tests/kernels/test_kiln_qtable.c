#include "kiln_qtable.h"
#include "kiln_qref.h"
#include "kiln_test.h"

int main(void)
{
    {
        /* table lookups: identity shifted by one, all four type pairs, in place */
        int8_t ts[256];
        uint8_t tu[256];
        int8_t xs[3] = {-128, 0, 127};
        uint8_t xu[3] = {0, 128, 255};
        int8_t ys[3];
        uint8_t yu[3];
        int i;
        for (i = 0; i < 256; i++) { ts[i] = (int8_t)(i == 255 ? 127 : i - 127); tu[i] = (uint8_t)(255 - i); }
        kiln_qtable_s8_s8(xs, ys, ts, 3);
        KILN_CHECK(ys[0] == -127 && ys[1] == 1 && ys[2] == 127);
        kiln_qtable_s8_u8(xs, yu, tu, 3);
        KILN_CHECK(yu[0] == 255 && yu[1] == 127 && yu[2] == 0);
        kiln_qtable_u8_s8(xu, ys, ts, 3);
        KILN_CHECK(ys[0] == -127 && ys[1] == 1 && ys[2] == 127);
        kiln_qtable_u8_u8(xu, xu, tu, 3);
        KILN_CHECK(xu[0] == 255 && xu[1] == 127 && xu[2] == 0);
    }
    {
        /* requantize int16 -> int8 with ratio 1/256 (ties to even) and clamp; uint8 -> int16 same scale */
        const int16_t x[5] = {384, 640, -384, 32767, -32768};
        const int32_t p[KILN_RQ_NPARAMS] = {1, 5, 5, 0, 0, 1, 1 << 30, 38, -100, 100};
        const int8_t want[5] = {3, 3, -1, 100, -100}; /* 1.5->2, 2.5->2, -1.5->-2; +1 */
        int8_t y[5];
        const uint8_t xu[3] = {0, 128, 255};
        const int32_t pu[KILN_RQ_NPARAMS] = {1, 3, 3, 0, 128, -5, 0, 0, -32768, 32767};
        const int16_t wantu[3] = {-133, -5, 122};
        int16_t yu[3];
        kiln_requantize_s16_s8(x, y, p);
        KILN_CHECK_BYTES(y, want, sizeof want);
        kiln_requantize_u8_s16(xu, yu, pu);
        KILN_CHECK_BYTES(yu, wantu, sizeof wantu);
    }
    {
        /* strided: two rows of 2 into bands of rows of 5 at offset 3 (QConcat), uint16 output */
        const int8_t x[4] = {1, 2, 3, 4};
        const int32_t p[KILN_RQ_NPARAMS] = {2, 2, 5, 3, 0, 65530, 0, 0, 0, 65535};
        uint16_t y[10] = {0};
        const uint16_t want[10] = {0, 0, 0, 65531, 65532, 0, 0, 0, 65533, 65534};
        kiln_requantize_s8_u16(x, y, p);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    {
        /* sweep int8 -> uint8 against the reference */
        int8_t x[256];
        uint8_t y[256];
        const int32_t m = 1234567890, sh = 31;
        const int32_t p[KILN_RQ_NPARAMS] = {1, 256, 256, 0, -7, 3, m, sh, 0, 255};
        int i;
        for (i = 0; i < 256; i++) x[i] = (int8_t)(i - 128);
        kiln_requantize_s8_u8(x, y, p);
        for (i = 0; i < 256; i++) KILN_CHECK(y[i] == qref_clamp(qref_round((int64_t)(x[i] + 7) * m, sh) + 3, 0, 255));
    }
    KILN_TEST_END();
}
