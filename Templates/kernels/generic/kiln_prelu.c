#include "kiln_prelu.h"

KILN_BINARY_SAME(kiln_prelu_f32, float, x < 0 ? z * x : x)
KILN_BINARY_SAME(kiln_prelu_f64, double, x < 0 ? z * x : x)
KILN_BINARY_F16(kiln_prelu_f16, x < 0 ? z * x : x)
KILN_BINARY_BF16(kiln_prelu_bf16, x < 0 ? z * x : x)
KILN_BINARY_SAME(kiln_prelu_i32, int32_t, x < 0 ? (uint32_t)((uint32_t)z * (uint32_t)x) : (uint32_t)x)
KILN_BINARY_SAME(kiln_prelu_i64, int64_t, x < 0 ? (uint64_t)z * (uint64_t)x : (uint64_t)x)
