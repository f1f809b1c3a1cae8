#include "kiln_trig.h"
#include <math.h>

KILN_UNARY_FLOATS(sin, sinf(v), sin(v))
KILN_UNARY_FLOATS(cos, cosf(v), cos(v))
KILN_UNARY_FLOATS(tan, tanf(v), tan(v))
KILN_UNARY_FLOATS(asin, asinf(v), asin(v))
KILN_UNARY_FLOATS(acos, acosf(v), acos(v))
KILN_UNARY_FLOATS(atan, atanf(v), atan(v))
KILN_UNARY_FLOATS(sinh, sinhf(v), sinh(v))
KILN_UNARY_FLOATS(cosh, coshf(v), cosh(v))
KILN_UNARY_FLOATS(asinh, asinhf(v), asinh(v))
KILN_UNARY_FLOATS(acosh, acoshf(v), acosh(v))
KILN_UNARY_FLOATS(atanh, atanhf(v), atanh(v))
