#include "kiln_qconv.h"

#define KQ_FN kiln_qconv_s8
#define KQ_SFX s8
#define KQ_XT int8_t
#define KQ_YT int8_t
#define KQ_ACC int32_t
#define KQ_BT int32_t
#define KQ_RQ kiln_requant
#define KQ_RAW 0
#include "kiln_qconv_body.h"

#define KQ_FN kiln_qconv_u8
#define KQ_SFX u8
#define KQ_XT uint8_t
#define KQ_YT uint8_t
#define KQ_ACC int32_t
#define KQ_BT int32_t
#define KQ_RQ kiln_requant
#define KQ_RAW 0
#include "kiln_qconv_body.h"

#define KQ_FN kiln_qconv_s16
#define KQ_SFX s16
#define KQ_XT int16_t
#define KQ_YT int16_t
#define KQ_ACC int64_t
#define KQ_BT int64_t
#define KQ_RQ kiln_requant64
#define KQ_RAW 0
#include "kiln_qconv_body.h"

#define KQ_FN kiln_qconv_s8_i32
#define KQ_SFX s8_i32
#define KQ_XT int8_t
#define KQ_YT int32_t
#define KQ_ACC int32_t
#define KQ_BT int32_t
#define KQ_RQ kiln_requant
#define KQ_RAW 1
#include "kiln_qconv_body.h"

#define KQ_FN kiln_qconv_u8_i32
#define KQ_SFX u8_i32
#define KQ_XT uint8_t
#define KQ_YT int32_t
#define KQ_ACC int32_t
#define KQ_BT int32_t
#define KQ_RQ kiln_requant
#define KQ_RAW 1
#include "kiln_qconv_body.h"
