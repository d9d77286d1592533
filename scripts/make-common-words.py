#!/usr/bin/env python3
"""Writes Rules/common-words.txt: the everyday English and French words the segmented view may use to fill the
rest of a glued name around a word the packs know ("dropsofhighschoolgirlsfromourarea" -> "drops of high school
girls from our area"), and that keep a glued run whole when it is itself a word ("therapist", "grapefruit").

The words come from the `wordfreq` package (pip install wordfreq); its word lists may be redistributed under the
Creative Commons Attribution-ShareAlike 4.0 licence (https://github.com/rspeer/wordfreq). Re-run this script to
rebuild the list; classify reads only the text file.

The words are written most frequent first (English and French taken in turn, by rank), so the policy can let only
the first ones fill a split (`segmentation-fillers`) while every word of the list keeps a run whole.

Usage: python3 scripts/make-common-words.py [N] > Rules/common-words.txt   (N: words per language, default 40000)
"""
import sys
import unicodedata

from wordfreq import top_n_list

def fold(word):
    """Lower-case ASCII letters with accents dropped, as the segmenter folds; None when other characters stay."""
    text = unicodedata.normalize("NFKD", word.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("œ", "oe").replace("æ", "ae").replace("ß", "ss")
    if not (text.isascii() and text.isalpha()) or any(c * 3 in text for c in set(text)):
        return None  # other letters, or a run like "aaa" that the folded view never keeps
    return text

def main():
    per_language = int(sys.argv[1]) if len(sys.argv) > 1 else 40000
    lists = [top_n_list(language, per_language) for language in ("en", "fr")]
    # The lists hold a few run-together pairs of very frequent words ("ofthe", "inthe"): as words they would keep
    # such a pair from being read apart.
    function_words = {"of", "the", "in", "and", "to", "on", "at", "for", "is", "it", "a", "de", "la", "le", "les",
                      "et", "en", "du", "des", "un", "une"}
    def is_pair(word):
        return any(word[:i] in function_words and word[i:] in function_words for i in range(1, len(word)))
    seen = set()
    print("# Everyday English and French words for the segmented view (see scripts/make-common-words.py), most")
    print("# frequent first. From wordfreq (https://github.com/rspeer/wordfreq), CC BY-SA 4.0.")
    for rank in range(per_language):
        for words in lists:
            folded = fold(words[rank]) if rank < len(words) else None
            # Two-letter words are mostly abbreviations that would cut names into nonsense; the packs list the
            # few they need (segmentation-words).
            if folded and len(folded) >= 3 and folded not in seen and not is_pair(folded):
                seen.add(folded)
                print(folded)

main()
