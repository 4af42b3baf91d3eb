"""Event triggers (verbs and nouns of arrest, charge, trial, sentence, appeal, release, fine)
and reporting cues, from the patterns in nlp/data/triggers.json."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from nlp.mentions import Trigger
from nlp.textutil import UPPER

CAPITALISED = re.compile(r"(?<=[^\W\d_] )" + UPPER + r"[^\W\d_]*")


@dataclass
class TriggerPattern:
    event_type: str
    regex: re.Pattern[str]
    flags: tuple[str, ...]


class TriggerFinder:
    def __init__(self, data: dict[str, Any], lang: str) -> None:
        self.lang = lang
        self.patterns = [
            TriggerPattern(p["type"], re.compile(p["pattern"], re.IGNORECASE), tuple(p.get("flags", ())))
            for p in data[lang]
        ]
        self.blocker = re.compile(data["blockers"][lang], re.IGNORECASE)
        self.cancel_after = re.compile(data["blockers"][f"cancel_after_{lang}"], re.IGNORECASE)
        self.reporting = re.compile(data["reporting"][lang], re.IGNORECASE)
        hearing = data.get("appeal_hearing", {}).get(lang)
        self.hearing = re.compile(hearing, re.IGNORECASE) if hearing else None
        appeal_block = data["blockers"].get(f"appeal_{lang}")
        self.appeal_blocker = re.compile(appeal_block, re.IGNORECASE) if appeal_block else None
        background = data.get("background", {}).get(lang)
        self.background = re.compile(background, re.IGNORECASE) if background else None
        served = data.get("background", {}).get(f"served_{lang}")
        self.served = re.compile(served, re.IGNORECASE) if served else None
        scheduled = data.get("future", {}).get(lang)
        self.scheduled = re.compile(scheduled, re.IGNORECASE) if scheduled else None
        future = data["blockers"].get(f"release_future_{lang}")
        self.release_future = re.compile(future, re.IGNORECASE) if future else None
        blockers = data["blockers"]
        self.advocacy = _opt(blockers.get(f"advocacy_{lang}"))
        self.advocacy_stop = _opt(blockers.get(f"advocacy_stop_{lang}"))
        self.source_before = _opt(blockers.get(f"source_noun_before_{lang}"))
        self.source_after = _opt(blockers.get(f"source_noun_after_{lang}"))
        self.charge_named = _opt(blockers.get(f"needs_charge_after_{lang}"))
        self.release_after_cue = _opt(blockers.get(f"release_after_cue_{lang}"))
        self.release_after_then = _opt(blockers.get(f"release_after_then_{lang}"))
        bg = data.get("background", {})
        self.background_after = _opt(bg.get(f"after_{lang}"))
        self.background_sentence = _opt(bg.get(f"sentence_{lang}"))
        self.ongoing = _opt(bg.get(f"ongoing_{lang}"))
        self.pending_trial = _opt(bg.get(f"pending_trial_{lang}"))
        self.time_ref = _opt(bg.get(f"time_ref_{lang}"))
        self.appellate = _opt(data.get("appellate_court", {}).get(lang))

    def find(self, text: str) -> list[Trigger]:
        found: list[Trigger] = []
        for p in self.patterns:
            for m in p.regex.finditer(text):
                if any(t.start < m.end() and m.start() < t.end for t in found):
                    continue
                if self.lang == "vi" and _inside_name(text, m.start(), m.group()):
                    continue  # "Tổ chức Ân xá Quốc tế": a capitalised word inside a sentence belongs to a name
                event_type = p.event_type
                if (
                    event_type == "sentence"
                    and self.appellate is not None
                    and self.appellate.search(re.split(r"[.;\n]", text[max(0, m.start() - 90) : m.start()])[-1])
                ):
                    event_type = "appeal"  # "TAND cấp cao ... đã tuyên phạt X ...": the appeal's outcome
                trig = Trigger(m.start(), m.end(), m.group(), event_type, p.flags)
                trig.blocked = self._blocked(text, trig)
                if self.scheduled is not None and self.scheduled.search(text[max(0, m.start() - 60) : m.start()]):
                    trig.flags = (*trig.flags, "scheduled")
                if self._background(text, m.start(), m.end()) or (
                    p.event_type == "trial"
                    and self.time_ref is not None
                    and self.time_ref.search(text[max(0, m.start() - 40) : m.start()])
                ):
                    trig.flags = (*trig.flags, "background")
                if (
                    "needs_charge" in p.flags
                    and self.charge_named is not None
                    and self.charge_named.match(text[m.end() : m.end() + 40])
                ):
                    trig.flags = (*trig.flags, "charge_named")
                if self.served is not None and self.served.search(text[max(0, m.start() - 40) : m.start()]):
                    trig.flags = (*trig.flags, "served")
                if self._ongoing(text, trig):
                    trig.flags = (*trig.flags, "ongoing")
                found.append(trig)
        for m in self.reporting.finditer(text):
            if any(t.start < m.end() and m.start() < t.end for t in found):
                continue
            if _inside_name(text, m.start(), m.group()):
                continue  # a capitalised word inside a sentence is a name ("Hồ Văn Đăng"), not "đăng"
            found.append(Trigger(m.start(), m.end(), m.group(), "report", (), reporting=True))
        found.sort(key=lambda t: t.start)
        events = [t for t in found if not t.reporting]
        for a, b in zip(events, events[1:], strict=False):
            # "was previously arrested and convicted": the background cue covers the coordinated verb
            coordinated = re.fullmatch(r"\s*,?\s*(?:and|or|và|hoặc)\s+(?:\w+\s+)?", text[a.end : b.start], re.I)
            if "background" in a.flags and "background" not in b.flags and coordinated:
                b.flags = (*b.flags, "background")
        return found

    def _background(self, text: str, start: int, end: int) -> bool:
        """ "previously arrested", "convicted in earlier trials", "Among those still imprisoned are ..."."""
        if self.background is not None and self.background.search(text[max(0, start - 40) : start]):
            return True
        sent_end = min([i for i in (text.find(c, end) for c in ".;\n") if i >= 0] or [len(text)])
        if self.background_after is not None and self.background_after.match(text[end:sent_end]):
            return True
        sent_start = max(text.rfind(c, 0, start) for c in ".!?\n") + 1
        return self.background_sentence is not None and bool(self.background_sentence.match(text[sent_start:start]))

    def _ongoing(self, text: str, trig: Trigger) -> bool:
        """ "hiện vẫn bị tạm giam", "remains detained", "awaiting trial", "chờ xét xử": a state, not an event."""
        before = text[max(0, trig.start - 40) : trig.start]
        before = re.split(r"[.;,!?\n]", before)[-1]
        if trig.event_type == "arrest" and self.ongoing is not None:
            return bool(self.ongoing.search(before))
        if trig.event_type == "trial" and self.pending_trial is not None:
            return bool(self.pending_trial.search(before))
        return False

    def _advocacy(self, before: str) -> bool:
        """ "urged Hanoi to drop the charges against X and release him", "kêu gọi trả tự do cho X": the
        call for an event is not the event (no comma, relative clause or passive verb in between)."""
        if self.advocacy is None:
            return False
        cues = list(self.advocacy.finditer(before[-160:]))
        if not cues:
            return False
        rest = before[-160:][cues[-1].end() :]
        return self.advocacy_stop is None or not self.advocacy_stop.search(rest)

    def _blocked(self, text: str, trig: Trigger) -> bool:
        clause_start = max(text.rfind(c, 0, trig.start) for c in ".;\n!?")
        before = text[clause_start + 1 : trig.start]
        # capitalised words inside the clause are names ("a court in Can Tho"), never modal cues
        before = CAPITALISED.sub(lambda m: "X" * len(m.group()), before)
        if self.blocker.search(before[-60:]) or self._advocacy(before):
            return True
        if "source_noun" in trig.flags and (
            (self.source_before is not None and self.source_before.search(before[-40:]))
            or (self.source_after is not None and self.source_after.match(text[trig.end : trig.end + 30]))
        ):
            return True  # "According to the indictment, X used ...": the content of the indictment
        if trig.event_type == "appeal" and self._not_a_hearing(text, trig, before):
            return True
        if trig.event_type == "release" and self.release_future is not None and self.release_future.search(before):
            return True  # "will serve probation after his release": the release only times another obligation
        if (
            trig.event_type == "release"
            and self.release_after_cue is not None
            and self.release_after_then is not None
            and self.release_after_cue.search(text[max(0, trig.start - 20) : trig.start])
            and self.release_after_then.match(text[trig.end : trig.end + 120])
        ):
            return True  # "sau khi mãn hạn tù, X còn phải chấp hành quản chế": the release times the probation
        sent_end = min([i for i in (text.find(c, trig.end) for c in ".;\n") if i >= 0] or [len(text)])
        return bool(self.cancel_after.search(text[trig.end : sent_end + 1]))

    def _not_a_hearing(self, text: str, trig: Trigger, before: str) -> bool:
        """An appeal event is a hearing or its outcome: "has fifteen days to appeal", "her lawyers filed
        an appeal", "có quyền kháng cáo" are not."""
        if self.appeal_blocker is not None and self.appeal_blocker.search(before[-60:]):
            return True
        if "needs_hearing" not in trig.flags or self.hearing is None:
            return False
        s = max(text.rfind(c, 0, trig.start) for c in ".!?\n") + 1
        ends = [i for i in (text.find(c, trig.end) for c in ".!?\n") if i >= 0]
        e = min(ends) if ends else len(text)
        return not (self.hearing.search(text[s : trig.start]) or self.hearing.search(text[trig.end : e]))


def _opt(pattern: str | None) -> re.Pattern[str] | None:
    return re.compile(pattern, re.IGNORECASE) if pattern else None


def _inside_name(text: str, start: int, word: str) -> bool:
    """A capitalised word after a letter (not a sentence start) is part of a name."""
    return word[:1].isupper() and bool(re.search(r"[^\W\d_][\s,]+$", text[max(0, start - 3) : start]))
