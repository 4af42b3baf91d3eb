"""`presswatch eval`: run the extractor over a gold file and score it (nlp.evaluate semantics)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from presswatch.eval_split import select
from presswatch.extract_file import read_inputs, read_jsonl

ERROR_KINDS = ("missed", "spurious")


def evaluate_file(gold_path: Path, predictions: Path | None, en_model: str, split: str = "all") -> dict[str, Any]:
    """Score the gold rows of `split` (presswatch.eval_split): the extractor runs on those rows only."""
    from nlp.evaluate import score

    gold = list(select(read_inputs(gold_path), split))
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


def format_report(report: dict[str, Any], show_errors: bool = True) -> str:
    """The figures (first line and layout are read by scripts: keep them), then the errors by kind."""
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
    if show_errors:
        lines += format_errors(report.get("errors") or [])
    return "\n".join(lines)


def _shown(value: Any) -> str:
    if value is None or value == {}:
        return "-"
    if isinstance(value, dict):
        return " ".join(f"{k}={v}" for k, v in value.items())
    return str(value)


def format_errors(errors: list[dict[str, Any]]) -> list[str]:
    """Errors grouped as "missed", "spurious", "wrong <attribute>", one line each:
    `[id] type person: gold X / got Y  | sentence`."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for error in errors:
        kind = error["kind"] if error["kind"] in ERROR_KINDS else f"{error['kind']} {error['attribute']}"
        groups.setdefault(kind, []).append(error)
    if not groups:
        return []
    lines = ["", f"errors: {len(errors)}"]
    for kind in sorted(groups, key=lambda k: (ERROR_KINDS + (k,)).index(k)):
        lines.append(f"{kind} ({len(groups[kind])}):")
        for e in groups[kind]:
            gold = _shown(e["gold"])
            if e.get("gold_inferred"):
                gold += f" (inferred {e['gold_inferred']})"
            lines.append(
                f"    [{e['id']}] {e['event_type']} {e['person']}: gold {gold} / got {_shown(e['got'])}"
                f"  | {e['sentence']}"
            )
    return lines
