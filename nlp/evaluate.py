"""Scoring extracted events against gold rows (used by `presswatch eval`).

Same semantics as shared/tools/score_events.py: events are keyed by (person, event_type); names
compare folded, a short name matches a full name whose trailing words it equals; pairing is
one-to-one, exact names before short names, then the pair whose attributes agree most. Attribute
accuracy counts matched pairs whose gold value is set; charge articles may equal either the stated
or the stated+inferred list.

`score()` also lists the errors behind the figures (missed gold events, spurious predictions, matched
pairs with a wrong attribute), each with the passage id and a sentence of evidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from presswatch.ids import fold
from presswatch.models import EVENT_TYPES

ATTRIBUTES = ("charge_articles", "prison_months", "probation_months", "date")
SENTENCE_CHARS = 300
EVIDENCE_KEYS = ("evidence", "quote", "sentence")  # where a prediction may carry its sentence
_STOP = re.compile(r"[.!?\n]")
_NOT_AN_END = re.compile(r"(?:\b[^\W\d_]|\b(?:Mr|Mrs|Ms|Dr|Rev|Fr|St|Gen|Col|Lt|No|Ông|Bà))\.$")  # U.S., Mr.


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


def _attribute_checks(ge: Mapping[str, Any], pe: Mapping[str, Any]) -> list[tuple[str, bool]]:
    """(attribute, correct) for each attribute the gold event sets, as attribute accuracy counts them."""
    checks: list[tuple[str, bool]] = []
    stated = _articles(ge.get("charge_articles"))
    inferred = sorted(set(stated) | set(_articles(ge.get("charge_articles_inferred"))))
    if inferred:
        checks.append(("charge_articles", _articles(pe.get("charge_articles")) in (stated, inferred)))
    for key in ("prison_months", "probation_months"):
        if ge.get(key) is not None:
            checks.append((key, pe.get(key) == ge.get(key)))
    if ge.get("date"):
        checks.append(("date", str(pe.get("date") or "")[: len(ge["date"])] == ge["date"]))
    return checks


def _gold_value(ge: Mapping[str, Any], key: str) -> Any:
    if key != "charge_articles":
        return ge.get(key)
    return _articles(ge.get("charge_articles"))


def _attributes(ev: Mapping[str, Any], gold: bool) -> dict[str, Any]:
    """The set attributes of an event (gold: stated and inferred articles apart)."""
    keys = ("charge_articles", "charge_articles_inferred", *ATTRIBUTES[1:]) if gold else ATTRIBUTES
    out = {}
    for key in keys:
        value = _articles(ev.get(key)) if key.startswith("charge_articles") else ev.get(key)
        if value is not None and value != [] and value != "":
            out[key] = value
    return out


def sentence_around(text: str, mention: str, ignore_case: bool = True) -> str:
    """The sentence of `text` holding the first whole-word occurrence of `mention`, cut to
    ~SENTENCE_CHARS around the mention; "" when the mention is absent."""
    if not text or not mention:
        return ""
    found = re.search(rf"(?<!\w){re.escape(mention)}(?!\w)", text, re.IGNORECASE if ignore_case else 0)
    if found is None:
        return ""
    at = found.start()
    ends = _sentence_ends(text)
    start = max((e for e in ends if e <= at), default=0)
    end = min((e for e in ends if e >= found.end()), default=len(text))
    if end - start > SENTENCE_CHARS:
        start = max(start, at - SENTENCE_CHARS // 2)
        end = min(end, start + SENTENCE_CHARS)
    return _one_line(text[start:end])


def _sentence_ends(text: str) -> list[int]:
    """Offsets just past each sentence end: a line break, or . ! ? before a space or the end of the text
    (not after an initial or a title: "U.S.", "Mr."), or before a capital glued to a lower-case word
    ("au.Cụ" in scraped text)."""
    ends = []
    for m in _STOP.finditer(text):
        i = m.end()
        nxt = text[i : i + 1]
        glued = nxt.isupper() and text[m.start() - 1 : m.start()].islower()
        spaced = (not nxt or nxt.isspace()) and not _NOT_AN_END.search(text[max(0, i - 5) : i])
        if m.group() == "\n" or glued or spaced:
            ends.append(i)
    return ends


def _one_line(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SENTENCE_CHARS else text[: SENTENCE_CHARS - 1] + "…"


def _gold_sentence(text: str, ev: Mapping[str, Any]) -> str:
    """The sentence of the first mention of the event's person: full name, ASCII forms, then the
    last word (texts often use a short name)."""
    names = [str(ev.get(k)) for k in ("person", "person_ascii", "person_full_ascii") if ev.get(k)]
    for name in names:
        found = sentence_around(text, name)
        if found:
            return found
    for name in names:
        found = sentence_around(text, name.split()[-1], ignore_case=False) if name.split() else ""
        if found:
            return found
    return ""


def _pred_sentence(text: str, ev: Mapping[str, Any]) -> str:
    for key in EVIDENCE_KEYS:
        if isinstance(ev.get(key), str) and ev[key].strip():
            return _one_line(ev[key])
    return _gold_sentence(text, ev)


def _error(
    kind: str,
    doc_id: str,
    ev: Mapping[str, Any],
    sentence: str,
    attribute: str | None = None,
    gold: Any = None,
    got: Any = None,
) -> dict[str, Any]:
    return {
        "kind": kind,
        "id": doc_id,
        "event_type": ev.get("event_type"),
        "person": ev.get("person"),
        "attribute": attribute,
        "gold": gold,
        "got": got,
        "sentence": sentence,
    }


def passage_errors(
    doc_id: str, text: str, gev: list[Mapping[str, Any]], pev: list[Mapping[str, Any]], pairs: list[tuple[int, int]]
) -> list[dict[str, Any]]:
    """Missed gold events, spurious predictions, and one entry per wrong attribute of a matched pair."""
    mg = {gi for gi, _ in pairs}
    mp = {pi for _, pi in pairs}
    errors = [
        _error("missed", doc_id, e, _gold_sentence(text, e), gold=_attributes(e, gold=True))
        for gi, e in enumerate(gev)
        if gi not in mg
    ]
    errors += [
        _error("spurious", doc_id, e, _pred_sentence(text, e), got=_attributes(e, gold=False))
        for pi, e in enumerate(pev)
        if pi not in mp
    ]
    for gi, pi in sorted(pairs):
        ge, pe = gev[gi], pev[pi]
        for key, correct in _attribute_checks(ge, pe):
            if not correct:
                got = _articles(pe.get(key)) if key == "charge_articles" else pe.get(key)
                entry = _error(
                    "wrong",
                    doc_id,
                    ge,
                    _pred_sentence(text, pe) or _gold_sentence(text, ge),
                    attribute=key,
                    gold=_gold_value(ge, key),
                    got=got,
                )
                if key == "charge_articles":
                    entry["gold_inferred"] = _articles(ge.get("charge_articles_inferred"))
                errors.append(entry)
    return errors


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)}


def score(gold_rows: Iterable[Mapping[str, Any]], pred_rows: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """Micro P/R/F1 over events, per event type, attribute accuracy on matched pairs, and under
    "errors" the list of `passage_errors` for every passage (gold order)."""
    gold = {str(r["id"]): r for r in gold_rows}
    pred = {str(r["id"]): r for r in pred_rows}
    tp = fp = fn = 0
    missing = 0
    per_type = {t: [0, 0, 0] for t in EVENT_TYPES}
    attr = {k: [0, 0] for k in ATTRIBUTES}
    errors: list[dict[str, Any]] = []
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
            for key, correct in _attribute_checks(gev[gi], pev[pi]):
                attr[key][1] += 1
                attr[key][0] += int(correct)
        errors += passage_errors(doc_id, str(g.get("text") or ""), gev, pev, pairs)
    out: dict[str, Any] = {"docs": len(gold), "docs_missing_in_pred": missing, "tp": tp, "fp": fp, "fn": fn}
    out.update(_prf(tp, fp, fn))
    out["attribute_accuracy"] = {k: (round(v[0] / v[1], 3) if v[1] else None) for k, v in attr.items()}
    out["attribute_support"] = {k: v[1] for k, v in attr.items()}
    out["per_type_tp_fp_fn"] = per_type
    out["per_type"] = {t: _prf(*v) | {"support": v[0] + v[2]} for t, v in per_type.items()}
    out["errors"] = errors
    return out
