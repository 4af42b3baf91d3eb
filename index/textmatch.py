"""Diacritic-insensitive matching with offsets that line up with the stored text.

`fold_aligned` folds a text character by character (Phạm -> pham, Đ -> d) so that the folded
copy has exactly the same length as the original: the full-text index matches on the folded
copy, and snippets are cut from the original at the same offsets, diacritics intact.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_TERM_RE = re.compile(r'"([^"]+)"|(\S+)')
_WORD_RE = re.compile(r"\w+", re.UNICODE)


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    if char in "Đđ":
        return "d"
    base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
    lowered = base.lower()
    if len(lowered) == 1:
        return lowered
    low = char.lower()
    return low if len(low) == 1 else char


def fold_aligned(text: str) -> str:
    """Lower-case, diacritic-free copy of an NFC text with the same length."""
    return "".join(_fold_char(c) for c in text)


def parse_terms(query: str) -> list[list[str]]:
    """User query -> terms, each a list of folded words (a quoted phrase is one term)."""
    terms: list[list[str]] = []
    for phrase, word in _TERM_RE.findall(unicodedata.normalize("NFC", query)):
        words = _WORD_RE.findall(fold_aligned(phrase or word))
        if words:
            terms.append(words)
    return terms


def fts_expression(terms: list[list[str]]) -> str:
    """FTS5 MATCH expression: every term required, words of a term as a phrase."""
    return " AND ".join('"' + " ".join(words) + '"' for words in terms)


def find_matches(folded: str, terms: list[list[str]]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for words in terms:
        pattern = r"\b" + r"\W+".join(re.escape(w) for w in words) + r"\b"
        spans.extend((m.start(), m.end()) for m in re.finditer(pattern, folded))
    return sorted(spans)


def make_snippet(text: str, terms: list[list[str]], width: int = 240) -> tuple[str, list[str]]:
    """A window of the original text around the densest cluster of matches, and the matched strings."""
    folded = fold_aligned(text)
    spans = find_matches(folded, terms)
    if not spans:
        cut = text[:width]
        return (cut + ("…" if len(text) > width else "")).strip(), []
    best_start, best_count = spans[0][0], 0
    for start, _ in spans:
        count = sum(1 for s, _ in spans if start <= s < start + width)
        if count > best_count:
            best_start, best_count = start, count
    begin = max(0, best_start - width // 4)
    while begin > 0 and not text[begin - 1].isspace():
        begin -= 1
    end = min(len(text), begin + width)
    while end < len(text) and not text[end].isspace():
        end += 1
    snippet = " ".join(text[begin:end].split())
    matches = sorted({text[s:e] for s, e in spans})
    return ("…" if begin > 0 else "") + snippet + ("…" if end < len(text) else ""), matches
