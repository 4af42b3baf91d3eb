"""The frozen split of the real passages: a fixed part of ../shared/data/real_dev_events.jsonl set
aside and scored only once, at the end of the extraction work (`presswatch eval GOLD --split`).

A passage is frozen when sha256(SALT + id) read as an integer, mod 100, is below PERCENT. The ids
(never the passage text) are listed in nlp/data/frozen_split.json; the split filters by that list.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping
from importlib.resources import files
from typing import Any

SALT = "presswatch-frozen:"
PERCENT = 36
SPLITS = ("all", "dev", "frozen")


def is_frozen(passage_id: str, salt: str = SALT, percent: int = PERCENT) -> bool:
    return int(hashlib.sha256((salt + str(passage_id)).encode("utf-8")).hexdigest(), 16) % 100 < percent


def frozen_ids() -> frozenset[str]:
    """The ids listed in nlp/data/frozen_split.json."""
    data = json.loads(files("nlp").joinpath("data", "frozen_split.json").read_text(encoding="utf-8"))
    return frozenset(str(i) for i in data["frozen_ids"])


def select(rows: Iterable[Mapping[str, Any]], split: str) -> Iterator[Mapping[str, Any]]:
    """The rows of one split: all, dev (ids not frozen) or frozen."""
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r} (one of {', '.join(SPLITS)})")
    frozen = frozenset() if split == "all" else frozen_ids()
    for row in rows:
        if split == "all" or (str(row["id"]) in frozen) == (split == "frozen"):
            yield row
