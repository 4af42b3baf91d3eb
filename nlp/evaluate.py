"""Scoring extracted events against gold rows (used by `presswatch eval`).

Same semantics as shared/tools/score_events.py: events are keyed by (person, event_type); names
compare folded, a short name matches a full name whose trailing words it equals; pairing is
one-to-one, exact names before short names, then the pair whose attributes agree most. Attribute
accuracy counts matched pairs whose gold value is set; charge articles may equal either the stated
or the stated+inferred list.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from presswatch.ids import fold
from presswatch.models import EVENT_TYPES

ATTRIBUTES = ("charge_articles", "prison_months", "probation_months", "date")


def _fold(name: Any) -> str:
    return fold(str(name)) if name else ""


def name_level(a: str, b: str) -> int:
    """2 = same name, 1 = the shorter is the other's trailing words, 0 = different."""
    if not a or not b:
        return 0
    if a == b:
        return 2
    wa, wb = a.split(), b.split()
    short, long_ = (wa, wb) if len(wa) < len(wb) else (wb, wa)
    return 1 if long_[-len(short) :] == short else 0


def _gold_names(ev: Mapping[str, Any]) -> set[str]:
    return {n for n in (_fold(ev.get(k)) for k in ("person", "person_ascii", "person_full_ascii")) if n}


def _articles(values: Iterable[Any] | None) -> list[int]:
    out = set()
    for v in values or []:
        if isinstance(v, int) or (isinstance(v, str) and v.isdigit()):
            out.add(int(v))
    return sorted(out)


def _agreement(g: Mapping[str, Any], p: Mapping[str, Any]) -> int:
    score = 0
    for key in ("prison_months", "probation_months"):
        score += int(g.get(key) is not None and p.get(key) == g.get(key))
    if g.get("date"):
        score += int(str(p.get("date") or "")[: len(g["date"])] == g["date"])
    allowed = set(_articles(g.get("charge_articles"))) | set(_articles(g.get("charge_articles_inferred")))
    got = set(_articles(p.get("charge_articles")))
    score += int(bool(allowed) and bool(got) and got <= allowed)
    return score


def match_events(gold: list[Mapping[str, Any]], pred: list[Mapping[str, Any]]) -> list[tuple[int, int]]:
    """One-to-one (gold index, pred index) pairs."""
    cands: list[tuple[int, int, int, int]] = []
    for gi, g in enumerate(gold):
        names = _gold_names(g)
        for pi, p in enumerate(pred):
            if p.get("event_type") != g.get("event_type"):
                continue
            level = max((name_level(_fold(p.get("person")), n) for n in names), default=0)
            if level:
                cands.append((-level, -_agreement(g, p), gi, pi))
    pairs: list[tuple[int, int]] = []
    used_g: set[int] = set()
    used_p: set[int] = set()
    for _, _, gi, pi in sorted(cands):
        if gi not in used_g and pi not in used_p:
            pairs.append((gi, pi))
            used_g.add(gi)
            used_p.add(pi)
    return pairs


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)}


def score(gold_rows: Iterable[Mapping[str, Any]], pred_rows: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """Micro P/R/F1 over events, per event type, and attribute accuracy on matched pairs."""
    gold = {str(r["id"]): r for r in gold_rows}
    pred = {str(r["id"]): r for r in pred_rows}
    tp = fp = fn = 0
    missing = 0
    per_type = {t: [0, 0, 0] for t in EVENT_TYPES}
    attr = {k: [0, 0] for k in ATTRIBUTES}
    for doc_id, g in gold.items():
        gev = [e for e in g.get("events", []) if isinstance(e, Mapping)]
        prow = pred.get(doc_id)
        if prow is None:
            missing += 1
        pev = [e for e in (prow or {}).get("events", []) if isinstance(e, Mapping)]
        pairs = match_events(gev, pev)
        tp += len(pairs)
        fn += len(gev) - len(pairs)
        fp += len(pev) - len(pairs)
        mg = {gi for gi, _ in pairs}
        mp = {pi for _, pi in pairs}
        for gi, e in enumerate(gev):
            t = e.get("event_type")
            if t in per_type:
                per_type[t][0 if gi in mg else 2] += 1
        for pi, e in enumerate(pev):
            t = e.get("event_type")
            if t in per_type and pi not in mp:
                per_type[t][1] += 1
        for gi, pi in pairs:
            ge, pe = gev[gi], pev[pi]
            stated = _articles(ge.get("charge_articles"))
            inferred = sorted(set(stated) | set(_articles(ge.get("charge_articles_inferred"))))
            if inferred:
                attr["charge_articles"][1] += 1
                attr["charge_articles"][0] += int(_articles(pe.get("charge_articles")) in (stated, inferred))
            for key in ("prison_months", "probation_months"):
                if ge.get(key) is not None:
                    attr[key][1] += 1
                    attr[key][0] += int(pe.get(key) == ge.get(key))
            if ge.get("date"):
                attr["date"][1] += 1
                attr["date"][0] += int(str(pe.get("date") or "")[: len(ge["date"])] == ge["date"])
    out: dict[str, Any] = {"docs": len(gold), "docs_missing_in_pred": missing, "tp": tp, "fp": fp, "fn": fn}
    out.update(_prf(tp, fp, fn))
    out["attribute_accuracy"] = {k: (round(v[0] / v[1], 3) if v[1] else None) for k, v in attr.items()}
    out["attribute_support"] = {k: v[1] for k, v in attr.items()}
    out["per_type_tp_fp_fn"] = per_type
    out["per_type"] = {t: _prf(*v) | {"support": v[0] + v[2]} for t, v in per_type.items()}
    return out
