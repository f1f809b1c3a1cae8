#include "kiln_cast.h"
#include "kiln_broadcast.h"
#include "kiln_convert.h"

/* Sources are read as one of four kinds: F (float32, float16 and bfloat16 widened to float), D (float64),
 * S (signed integers as int64_t), U (unsigned integers and bool as uint64_t). KILN_CVT_<kind>_<to>(v)
 * converts a value of that kind to the target type. */
#define KILN_CVT_F_f32(v) (v)
#define KILN_CVT_F_f64(v) ((double)(v))
#define KILN_CVT_F_f16(v) kiln_f32_to_f16(v)
#define KILN_CVT_F_bf16(v) kiln_f32_to_bf16(v)
#define KILN_CVT_F_i8(v) kiln_f_to_i8(v)
#define KILN_CVT_F_i16(v) kiln_f_to_i16(v)
#define KILN_CVT_F_i32(v) kiln_f_to_i32(v)
#define KILN_CVT_F_i64(v) kiln_f_to_i64(v)
#define KILN_CVT_F_u8(v) kiln_f_to_u8(v)
#define KILN_CVT_F_u16(v) kiln_f_to_u16(v)
#define KILN_CVT_F_u32(v) kiln_f_to_u32(v)
#define KILN_CVT_F_u64(v) kiln_f_to_u64(v)
#define KILN_CVT_F_bool(v) ((uint8_t)((v) != 0))

#define KILN_CVT_D_f32(v) ((float)(v))
#define KILN_CVT_D_f64(v) (v)
#define KILN_CVT_D_f16(v) kiln_f64_to_f16(v)
#define KILN_CVT_D_bf16(v) kiln_f64_to_bf16(v)
#define KILN_CVT_D_i8(v) kiln_d_to_i8(v)
#define KILN_CVT_D_i16(v) kiln_d_to_i16(v)
#define KILN_CVT_D_i32(v) kiln_d_to_i32(v)
#define KILN_CVT_D_i64(v) kiln_d_to_i64(v)
#define KILN_CVT_D_u8(v) kiln_d_to_u8(v)
#define KILN_CVT_D_u16(v) kiln_d_to_u16(v)
#define KILN_CVT_D_u32(v) kiln_d_to_u32(v)
#define KILN_CVT_D_u64(v) kiln_d_to_u64(v)
#define KILN_CVT_D_bool(v) ((uint8_t)((v) != 0))

/* Integers: float16 needs no care (every integer that rounds differently overflows to infinity); bfloat16
 * goes through a round-to-odd float. Integer targets wrap (two's complement). */
#define KILN_CVT_S_f32(v) ((float)(v))
#define KILN_CVT_S_f64(v) ((double)(v))
#define KILN_CVT_S_f16(v) kiln_f32_to_f16((float)(v))
#define KILN_CVT_S_bf16(v) kiln_f32_to_bf16(kiln_i64_to_f32_odd(v))
#define KILN_CVT_S_i8(v) ((int8_t)(uint8_t)(v))
#define KILN_CVT_S_i16(v) ((int16_t)(uint16_t)(v))
#define KILN_CVT_S_i32(v) ((int32_t)(uint32_t)(v))
#define KILN_CVT_S_i64(v) ((int64_t)(v))
#define KILN_CVT_S_u8(v) ((uint8_t)(v))
#define KILN_CVT_S_u16(v) ((uint16_t)(v))
#define KILN_CVT_S_u32(v) ((uint32_t)(v))
#define KILN_CVT_S_u64(v) ((uint64_t)(v))
#define KILN_CVT_S_bool(v) ((uint8_t)((v) != 0))

#define KILN_CVT_U_f32(v) ((float)(v))
#define KILN_CVT_U_f64(v) ((double)(v))
#define KILN_CVT_U_f16(v) kiln_f32_to_f16((float)(v))
#define KILN_CVT_U_bf16(v) kiln_f32_to_bf16(kiln_u64_to_f32_odd(v))
#define KILN_CVT_U_i8(v) ((int8_t)(uint8_t)(v))
#define KILN_CVT_U_i16(v) ((int16_t)(uint16_t)(v))
#define KILN_CVT_U_i32(v) ((int32_t)(uint32_t)(v))
#define KILN_CVT_U_i64(v) ((int64_t)(v))
#define KILN_CVT_U_u8(v) ((uint8_t)(v))
#define KILN_CVT_U_u16(v) ((uint16_t)(v))
#define KILN_CVT_U_u32(v) ((uint32_t)(v))
#define KILN_CVT_U_u64(v) (v)
#define KILN_CVT_U_bool(v) ((uint8_t)((v) != 0))

#define KILN_CAST_DEF(FROM, TF, CT, LD, K, TO, TT) \
    KILN_UNARY_DEF(kiln_cast_##FROM##_##TO, TF, TT, CT, LD, KILN_CVT_##K##_##TO(v), KILN_ID)

#define KILN_CAST_FROM(FROM, TF, CT, LD, K)                  \
    KILN_CAST_DEF(FROM, TF, CT, LD, K, f32, float)           \
    KILN_CAST_DEF(FROM, TF, CT, LD, K, f64, double)          \
    KILN_CAST_DEF(FROM, TF, CT, LD, K, f16, uint16_t)        \
    KILN_CAST_DEF(FROM, TF, CT, LD, K, bf16, uint16_t)       \
    KILN_CAST_DEF(FROM, TF, CT, LD, K, i8, int8_t)           \
    KILN_CAST_DEF(FROM, TF, CT, LD, K, i16, int16_t)         \
    KILN_CAST_DEF(FROM, TF, CT, LD, K, i32, int32_t)         \
    KILN_CAST_DEF(FROM, TF, CT, LD, K, i64, int64_t)         \
    KILN_CAST_DEF(FROM, TF, CT, LD, K, u8, uint8_t)          \
    KILN_CAST_DEF(FROM, TF, CT, LD, K, u16, uint16_t)        \
    KILN_CAST_DEF(FROM, TF, CT, LD, K, u32, uint32_t)        \
    KILN_CAST_DEF(FROM, TF, CT, LD, K, u64, uint64_t)        \
    KILN_CAST_DEF(FROM, TF, CT, LD, K, bool, uint8_t)

KILN_CAST_FROM(f32, float, float, KILN_ID, F)
KILN_CAST_FROM(f16, uint16_t, float, kiln_f16_to_f32, F)
KILN_CAST_FROM(bf16, uint16_t, float, kiln_bf16_to_f32, F)
KILN_CAST_FROM(f64, double, double, KILN_ID, D)
KILN_CAST_FROM(i8, int8_t, int64_t, KILN_ID, S)
KILN_CAST_FROM(i16, int16_t, int64_t, KILN_ID, S)
KILN_CAST_FROM(i32, int32_t, int64_t, KILN_ID, S)
KILN_CAST_FROM(i64, int64_t, int64_t, KILN_ID, S)
KILN_CAST_FROM(u8, uint8_t, uint64_t, KILN_ID, U)
KILN_CAST_FROM(u16, uint16_t, uint64_t, KILN_ID, U)
KILN_CAST_FROM(u32, uint32_t, uint64_t, KILN_ID, U)
KILN_CAST_FROM(u64, uint64_t, uint64_t, KILN_ID, U)
KILN_CAST_FROM(bool, uint8_t, uint64_t, KILN_ID, U)
