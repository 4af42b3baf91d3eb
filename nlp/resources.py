"""Loading the JSON data files shipped in nlp/data/ (patterns, lexicons, the charge table)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent / "data"


@cache
def _load_path(path: str) -> Any:
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def load_json(name: str, data_dir: Path | str | None = None) -> Any:
    """One data file by name ("names.json"), from `data_dir` or the package data folder."""
    base = Path(data_dir) if data_dir is not None else DATA_DIR
    return _load_path(str(base / name))


def write_json(obj: Any, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(obj, fh, ensure_ascii=False, indent=1)


def read_json(path: Path) -> Any:
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)
