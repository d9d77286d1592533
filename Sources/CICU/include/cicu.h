#ifndef CICU_H
#define CICU_H
// Stable names for the few ICU (libicu-dev) calls classify needs. ICU renames its C symbols per version
// (u_charType_72), which Swift cannot see through; these wrappers compile against whatever ICU is installed.
#include <stdint.h>

/// Folds one code point for matching: NFKC case folding, then canonical decomposition with every combining mark
/// removed. Writes at most `capacity` code points to `out`; returns how many, or -1 on an ICU error.
int32_t cicu_fold(int32_t codePoint, int32_t *out, int32_t capacity);

/// The TS #39 confusable skeleton of one code point. Same contract as cicu_fold.
int32_t cicu_skeleton(int32_t codePoint, int32_t *out, int32_t capacity);

/// The plain letter a decorated Latin letter is drawn from, read from its Unicode name: LATIN LETTER SMALL CAPITAL L
/// and LATIN SMALL LETTER L WITH MIDDLE TILDE give 'l'. Returns the ASCII lower-case letter, or -1.
int32_t cicu_latin_base(int32_t codePoint);

/// The code point with this Unicode name, or -1 (for generating test variants).
int32_t cicu_char_from_name(const char *name);

/// What a code point is, for turning decorations into word boundaries.
enum {
    CICU_LETTER = 1,       // L*
    CICU_MARK = 2,         // M*
    CICU_DIGIT = 3,        // N*
    CICU_IGNORABLE = 4,    // Default_Ignorable_Code_Point, controls and format characters
    CICU_DECORATION = 5,   // symbols, emoji, punctuation, separators, box drawing
    CICU_OTHER = 6
};
int32_t cicu_class(int32_t codePoint);

/// The ICU script code of a code point (USCRIPT_LATIN = 25, USCRIPT_COMMON = 0, USCRIPT_INHERITED = 1).
int32_t cicu_script(int32_t codePoint);

/// The ICU version in use, e.g. "72.1", for reports and the README.
const char *cicu_version(void);

#endif
