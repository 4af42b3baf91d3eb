"""Language detection between Vietnamese and English by diacritics."""

from __future__ import annotations

import re
import unicodedata

# letters that exist only in Vietnamese orthography (with tone/vowel marks), or đ
_VI_ONLY = set("ăâđêôơưĂÂĐÊÔƠƯ")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def detect_lang(text: str) -> str:
    """ "vi" when Vietnamese-marked words dominate, else "en"."""
    words = _WORD.findall(text[:5000])
    if not words:
        return "en"
    marked = 0
    for w in words:
        if any(c in _VI_ONLY for c in w):
            marked += 1
            continue
        decomposed = unicodedata.normalize("NFD", w)
        if any(unicodedata.combining(c) for c in decomposed):
            marked += 1
    return "vi" if marked / len(words) >= 0.15 else "en"
