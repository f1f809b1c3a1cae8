#ifndef KILN_MOVE_H
#define KILN_MOVE_H
#include "kiln_common.h"

/* Data-movement kernels copy elements by width, not by type: the 32-bit variant serves float32, int32 and
 * uint32 alike. Elements are accessed through these types, which GCC and Clang allow to alias any other type of
 * the same width (`may_alias`), so reading a float tensor through kiln_w32 is well-defined. Other compilers do
 * not do type-based alias analysis across the separately compiled kernel files, so plain types serve there. */
#if defined(__GNUC__) || defined(__clang__)
typedef uint8_t __attribute__((__may_alias__)) kiln_w8;
typedef uint16_t __attribute__((__may_alias__)) kiln_w16;
typedef uint32_t __attribute__((__may_alias__)) kiln_w32;
typedef uint64_t __attribute__((__may_alias__)) kiln_w64;
#else
typedef uint8_t kiln_w8;
typedef uint16_t kiln_w16;
typedef uint32_t kiln_w32;
typedef uint64_t kiln_w64;
#endif

/* Instantiates MACRO(bits, element type) for the four widths. */
#define KILN_FOR_WIDTHS(MACRO) MACRO(8, kiln_w8) MACRO(16, kiln_w16) MACRO(32, kiln_w32) MACRO(64, kiln_w64)

#endif
