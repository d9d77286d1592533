#include "cicu.h"
#include <pthread.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/uspoof.h>
#include <unicode/ustring.h>
#include <unicode/uversion.h>

// ICU's normalizer instances are singletons owned by ICU; the spoof checker is opened once and only read after,
// which ICU documents as safe to share between threads.
static const UNormalizer2 *nfkcCasefold;
static const UNormalizer2 *nfd;
static USpoofChecker *spoof;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void setUp(void) {
    UErrorCode status = U_ZERO_ERROR;
    nfkcCasefold = unorm2_getNFKCCasefoldInstance(&status);
    if (U_FAILURE(status)) nfkcCasefold = NULL;
    status = U_ZERO_ERROR;
    nfd = unorm2_getNFDInstance(&status);
    if (U_FAILURE(status)) nfd = NULL;
    status = U_ZERO_ERROR;
    spoof = uspoof_open(&status);
    if (U_FAILURE(status)) spoof = NULL;
}

static int32_t toCodePoints(const UChar *units, int32_t length, int32_t *out, int32_t capacity) {
    int32_t count = 0;
    for (int32_t i = 0; i < length;) {
        UChar32 c;
        U16_NEXT(units, i, length, c);
        if (count < capacity) out[count] = c;
        count++;
    }
    return count <= capacity ? count : -1;
}

static int32_t fromCodePoint(int32_t codePoint, UChar *units) {
    int32_t length = 0;
    UBool error = 0;
    U16_APPEND(units, length, 2, codePoint, error);
    return error ? -1 : length;
}

int32_t cicu_fold(int32_t codePoint, int32_t *out, int32_t capacity) {
    pthread_once(&once, setUp);
    if (!nfkcCasefold || !nfd) return -1;
    // Most symbols, emoji and already-folded letters are their own folding: no normalisation call needed.
    if (!u_hasBinaryProperty(codePoint, UCHAR_CHANGES_WHEN_NFKC_CASEFOLDED)) {
        if (U_GET_GC_MASK(codePoint) & U_GC_M_MASK) return 0;
        UChar decomposition[8];
        UErrorCode check = U_ZERO_ERROR;
        if (unorm2_getDecomposition(nfd, codePoint, decomposition, 8, &check) < 0) {
            if (capacity < 1) return -1;
            out[0] = codePoint;
            return 1;
        }
    }
    UChar source[2], folded[64], decomposed[128], kept[128];
    int32_t length = fromCodePoint(codePoint, source);
    if (length < 0) return -1;
    UErrorCode status = U_ZERO_ERROR;
    int32_t foldedLength = unorm2_normalize(nfkcCasefold, source, length, folded, 64, &status);
    if (U_FAILURE(status)) return -1;
    int32_t decomposedLength = unorm2_normalize(nfd, folded, foldedLength, decomposed, 128, &status);
    if (U_FAILURE(status)) return -1;
    int32_t keptLength = 0;
    for (int32_t i = 0; i < decomposedLength;) {
        int32_t start = i;
        UChar32 c;
        U16_NEXT(decomposed, i, decomposedLength, c);
        if (U_GET_GC_MASK(c) & U_GC_M_MASK) continue;
        while (start < i) kept[keptLength++] = decomposed[start++];
    }
    return toCodePoints(kept, keptLength, out, capacity);
}

int32_t cicu_skeleton(int32_t codePoint, int32_t *out, int32_t capacity) {
    pthread_once(&once, setUp);
    if (!spoof) return -1;
    UChar source[2], skeleton[64];
    int32_t length = fromCodePoint(codePoint, source);
    if (length < 0) return -1;
    UErrorCode status = U_ZERO_ERROR;
    int32_t skeletonLength = uspoof_getSkeleton(spoof, 0, source, length, skeleton, 64, &status);
    if (U_FAILURE(status)) return -1;
    return toCodePoints(skeleton, skeletonLength, out, capacity);
}

int32_t cicu_latin_base(int32_t codePoint) {
    char name[128];
    UErrorCode status = U_ZERO_ERROR;
    int32_t length = u_charName(codePoint, U_UNICODE_CHAR_NAME, name, sizeof name, &status);
    if (U_FAILURE(status) || length <= 0 || length >= (int32_t)sizeof name) return -1;
    static const char *const prefixes[] = {
        "LATIN LETTER SMALL CAPITAL ", "LATIN SMALL LETTER ", "LATIN CAPITAL LETTER ", "LATIN LETTER ",
    };
    for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
        size_t prefixLength = strlen(prefixes[i]);
        if (strncmp(name, prefixes[i], prefixLength) != 0) continue;
        const char *rest = name + prefixLength;
        // One letter, then the end of the name or a description of its decoration.
        if (rest[0] >= 'A' && rest[0] <= 'Z' && (rest[1] == 0 || strncmp(rest + 1, " WITH ", 6) == 0)) {
            return rest[0] - 'A' + 'a';
        }
        return -1;
    }
    return -1;
}

int32_t cicu_char_from_name(const char *name) {
    UErrorCode status = U_ZERO_ERROR;
    UChar32 c = u_charFromName(U_UNICODE_CHAR_NAME, name, &status);
    return U_FAILURE(status) ? -1 : (int32_t)c;
}

int32_t cicu_class(int32_t codePoint) {
    if (u_hasBinaryProperty(codePoint, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) return CICU_IGNORABLE;
    uint32_t mask = U_GET_GC_MASK(codePoint);
    if (mask & U_GC_L_MASK) return CICU_LETTER;
    if (mask & U_GC_M_MASK) return CICU_MARK;
    if (mask & U_GC_N_MASK) return CICU_DIGIT;
    if (mask & (U_GC_CC_MASK | U_GC_CF_MASK)) return CICU_IGNORABLE;
    if (mask & (U_GC_S_MASK | U_GC_P_MASK | U_GC_Z_MASK)) return CICU_DECORATION;
    if (u_hasBinaryProperty(codePoint, UCHAR_EXTENDED_PICTOGRAPHIC)) return CICU_DECORATION;
    return CICU_OTHER;
}

int32_t cicu_script(int32_t codePoint) {
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript(codePoint, &status);
    return U_FAILURE(status) ? -1 : (int32_t)script;
}

static char versionText[U_MAX_VERSION_STRING_LENGTH];
static pthread_once_t versionOnce = PTHREAD_ONCE_INIT;

static void readVersion(void) {
    UVersionInfo info;
    u_getVersion(info);
    u_versionToString(info, versionText);
}

const char *cicu_version(void) {
    pthread_once(&versionOnce, readVersion);
    return versionText;
}
