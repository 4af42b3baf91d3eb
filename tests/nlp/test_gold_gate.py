"""Regression check on sentences written for the project (gold_examples.jsonl): the extractor must keep
handling them. They were written alongside the extractor, so the figure here is not a quality figure;
quality is measured on real passages (tests/test_evaluation_gates.py, `presswatch eval --split dev`)."""

from __future__ import annotations

import json
from pathlib import Path

from nlp.evaluate import score
from nlp.extract import Extractor

GOLD = Path(__file__).with_name("gold_examples.jsonl")
MIN_F1 = 0.97  # 42 passages: F1 1.000 at NLP 0.2.0
MIN_ATTRIBUTE = 0.95


def test_gold_examples_gate(extractor: Extractor) -> None:
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) >= 42
    assert {r["lang"] for r in rows} == {"en", "vi"}
    docs = ((r["text"], r["lang"], r["published"]) for r in rows)
    preds = [
        {"id": r["id"], "events": [e.to_contract() for e in evs]}
        for r, evs in zip(rows, extractor.extract_many(docs), strict=True)
    ]
    result = score(rows, preds)
    assert result["f1"] >= MIN_F1, result
    for key, value in result["attribute_accuracy"].items():
        assert value is None or value >= MIN_ATTRIBUTE, (key, result)
