"""`presswatch eval`: run the extractor over a gold file and score it (nlp.evaluate semantics)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from presswatch.extract_file import read_inputs, read_jsonl


def evaluate_file(gold_path: Path, predictions: Path | None, en_model: str) -> dict[str, Any]:
    from nlp.evaluate import score

    gold = list(read_inputs(gold_path))
    if predictions is not None:
        preds = [row for _, row in read_jsonl(predictions)]
    else:
        from nlp.extract import Extractor

        extractor = Extractor(en_model=en_model)
        docs = [(g["text"], g.get("lang"), g.get("published")) for g in gold]
        preds = [
            {"id": g["id"], "events": [e.to_contract() for e in events]}
            for g, events in zip(gold, extractor.extract_many(docs), strict=True)
        ]
    return score(gold, preds)


def format_report(report: dict[str, Any]) -> str:
    lines = [
        f"events: precision {report['precision']:.3f}  recall {report['recall']:.3f}  F1 {report['f1']:.3f}"
        f"  (tp {report['tp']}, fp {report['fp']}, fn {report['fn']})",
    ]
    counts = report.get("per_type_tp_fp_fn") or {}
    for event_type, figures in sorted((report.get("per_type") or {}).items()):
        tp, fp, fn = counts.get(event_type, (0, 0, 0))
        lines.append(
            f"  {event_type:9} P {figures['precision']:.3f}  R {figures['recall']:.3f}"
            f"  F1 {figures['f1']:.3f}  (tp {tp}, fp {fp}, fn {fn})"
        )
    lines.append("attribute accuracy on matched events:")
    support = report.get("attribute_support", {})
    for key, value in (report.get("attribute_accuracy") or {}).items():
        shown = "n/a" if value is None else f"{value:.3f}"
        lines.append(f"  {key:17} {shown}  (n={support.get(key, 0)})")
    return "\n".join(lines)
