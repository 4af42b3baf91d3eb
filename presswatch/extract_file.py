"""`presswatch extract --input IN.jsonl --output OUT.jsonl`: pure NLP over a file, no store.

IN lines:  {"id", "lang": "en"|"vi"|null, "text", "published": "YYYY-MM-DD"|null}
OUT lines: {"id", "events": [...]} one per IN line, same order (DESIGN.md contract).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO


class ExtractInputError(ValueError):
    pass


def read_jsonl(path: Path) -> Iterator[tuple[int, Any]]:
    """(line number, parsed value) for each non-blank line; a bad line raises naming file and line."""
    with path.open("rb") as fh:
        for number, raw in enumerate(fh, start=1):
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                raise ExtractInputError(f"{path}:{number}: not UTF-8 text (a JSON Lines file is expected)") from None
            if not line.strip():
                continue
            try:
                yield number, json.loads(line)
            except json.JSONDecodeError as exc:
                raise ExtractInputError(f"{path}:{number}: not JSON: {exc.msg}") from None


def read_inputs(path: Path) -> Iterator[dict[str, Any]]:
    for number, row in read_jsonl(path):
        if not isinstance(row, dict) or "id" not in row or not isinstance(row.get("text"), str):
            raise ExtractInputError(f"{path}:{number}: needs an object with 'id' and a string 'text'")
        yield row


def extract_file(input_path: Path, output_path: Path | None, en_model: str, batch_size: int = 32) -> int:
    from nlp.extract import Extractor

    rows = list(read_inputs(input_path))
    extractor = Extractor(en_model=en_model)
    docs = [(r["text"], r.get("lang"), r.get("published")) for r in rows]
    out: TextIO = output_path.open("w", encoding="utf-8") if output_path else sys.stdout
    try:
        for row, events in zip(rows, extractor.extract_many(docs, batch_size=batch_size), strict=True):
            line = {"id": str(row["id"]), "events": [e.to_contract() for e in events]}
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
    finally:
        if output_path:
            out.close()
    return len(rows)
