#ifndef CLASSIFY_CPCRE2_SHIM_H
#define CLASSIFY_CPCRE2_SHIM_H
// Swift sees the 8-bit API under its suffixed names (pcre2_compile_8, ...).
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#endif
