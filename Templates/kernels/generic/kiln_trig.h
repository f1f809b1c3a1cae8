#ifndef KILN_TRIG_H
#define KILN_TRIG_H
#include "kiln_broadcast.h"

/* Trigonometric and hyperbolic functions over n elements of a float type; y may equal x.
 * float16/bfloat16 compute in float. Arguments outside the domain (asin(2), acosh(0)...) give NaN. */
KILN_UNARY_FLOATS_DECL(sin)
KILN_UNARY_FLOATS_DECL(cos)
KILN_UNARY_FLOATS_DECL(tan)
KILN_UNARY_FLOATS_DECL(asin)
KILN_UNARY_FLOATS_DECL(acos)
KILN_UNARY_FLOATS_DECL(atan)
KILN_UNARY_FLOATS_DECL(sinh)
KILN_UNARY_FLOATS_DECL(cosh)
KILN_UNARY_FLOATS_DECL(asinh)
KILN_UNARY_FLOATS_DECL(acosh)
KILN_UNARY_FLOATS_DECL(atanh)

#endif
