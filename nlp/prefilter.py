"""Cheap prefilter: a text with no legal vocabulary cannot contain an event."""

from __future__ import annotations

import re
from functools import lru_cache

from nlp.resources import load_json


@lru_cache(maxsize=4)
def _pattern(lang: str) -> re.Pattern[str]:
    data = load_json("prefilter.json")
    return re.compile(data.get(lang, data["en"]), re.IGNORECASE)


def has_legal_vocabulary(text: str, lang: str) -> bool:
    return bool(_pattern(lang).search(text))
