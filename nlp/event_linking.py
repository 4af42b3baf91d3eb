"""Events within one sentence: which triggers state an event there, which persons a trigger concerns
(clause by clause; Vietnamese word order, the English parse through Found.linker), direct quotations,
background mentions that need a date of their own, and the first-instance verdict inside an appeal ruling."""

from __future__ import annotations

import re

from nlp.events_common import (
    LIFE_OR_DEATH,
    TERM_TYPES,
    Draft,
    EventDrafts,
    _clauses,
    _specificity,
    _within,
)
from nlp.mentions import DateMention, PersonMention, Trigger
from nlp.terms import FoundTerm

# a prison term right after a name: the name is an item of a verdict list
TERM_AFTER_NAME = re.compile(r"\s*[-–:,]?\s*\d+(?:[.,]5)?\s+(?:năm|tháng)\b", re.IGNORECASE)
# an investigating or prosecuting authority named as the agent of an accusation
AUTHORITY = re.compile(r"\b(?:công an|cơ quan|viện kiểm sát|vksnd|an ninh|police|procuracy|prosecutors?)\b", re.I)


class TriggerLinking(EventDrafts):
    """Mixin of EventBuilder: the triggers of a sentence and the persons linked to them."""

    def _active_triggers(self, sent: tuple[int, int]) -> list[Trigger]:
        f = self.f
        trigs = [t for t in f.triggers if _within(t.start, sent) and not t.reporting and not t.blocked]
        terms_ok = [t for t in f.terms if _within(t.mention.start, sent) and not t.excluded]
        kept: list[Trigger] = []
        for t in trigs:
            if "needs_term" in t.flags:
                clause_end = min([i for i in (f.text.find(c, t.end, sent[1]) for c in ";") if i >= 0] or [sent[1]])
                if not any(
                    t.end <= x.mention.start < clause_end and x.mention.start - t.end < 90 for x in terms_ok
                ) and not LIFE_OR_DEATH[f.lang].match(f.text[t.end : min(clause_end, t.end + 40)]):
                    continue
            if (
                "needs_charge" in t.flags
                and "charge_named" not in t.flags
                and not any(0 <= c.start - t.end <= 15 for c in f.charges)
            ):
                continue  # "X bị cáo buộc dùng Facebook để ...": the content of an accusation, not a charging act
            kept.append(t)
        sent_terms = [t for t in f.terms if _within(t.mention.start, sent)]
        if any(t.excluded == "total" for t in sent_terms) and not any(t.excluded is None for t in sent_terms):
            # "With this verdict, the three received a combined 22 years": a total is no term and makes no
            # event of its own; its date and charges still go to the events stated for each person
            totals = [x for x in sent_terms if x.excluded == "total"]
            for t in kept:
                if t.event_type in TERM_TYPES and "total_only" not in t.flags and self._states_total(t, kept, totals):
                    t.flags = (*t.flags, "total_only")
        if any(t.event_type == "sentence" for t in kept):
            # "sentenced X to three years and fined her 100 million dong": a court fine is part of the sentence
            kept = [
                t for t in kept if "court_fine" not in t.flags or re.search(r"(?i)administrative|hành chính", t.text)
            ]
        # sentence/trial words inside an appeal clause belong to the appeal ("upheld the conviction")
        appeals = [t for t in kept if t.event_type == "appeal"]
        out: list[Trigger] = []
        for t in kept:
            if t.event_type == "sentence" and any(
                "reduced" in a.flags
                and 0 <= a.start - t.end < 80
                and not re.search(r"[;.,]|\b(?:but|nhưng)\b", f.text[t.end : a.start])
                for a in appeals
            ):
                continue  # "Mức án của B được giảm từ 8 năm xuống còn 4 năm": the term of the appeal outcome
            if t.event_type in ("sentence", "trial") and any(
                a.start < t.start
                and not re.search(r"\b(?:who|which|và sau|but|then)\b|—|;", f.text[a.end : t.start])
                and t.start - a.end < 120
                for a in appeals
            ):
                continue
            out.append(t)
        return out

    @staticmethod
    def _states_total(t: Trigger, kept: list[Trigger], totals: list[FoundTerm]) -> bool:
        """Is the total term the one this trigger states ("kết án 4 nhà hoạt động với tổng mức án 44 năm"), not
        a verdict told before another one in the same sentence ("giữ nguyên án tù đối với A ..., kết án ...")?"""
        for x in totals:
            if x.mention.start < t.start:
                return True  # "With this verdict, the three received a combined 22 years": the whole sentence
            between = [
                o for o in kept if o is not t and t.end <= o.start < x.mention.start and "needs_term" not in o.flags
            ]
            if not between:
                return True
        return False

    def _after_arrest(self, t: Trigger, kept: list[Trigger]) -> bool:
        """ "arrested in May 2009 on charges of ...": the charge stated with an arrest (LABELLING: arrest +
        charge), not "sentenced on charges of ..." (a verdict word between the arrest and the charge)."""
        text = self.f.text
        if AUTHORITY.search(t.text):
            return True  # "bị Công an thành phố Cần Thơ cáo buộc ... theo Điều 331": a formal accusation by its agent
        arrests = [a for a in kept if a.event_type == "arrest" and a.end <= t.start and t.start - a.end < 160]
        if not arrests:
            return False
        a = arrests[-1]
        return not any(
            o.event_type in ("sentence", "trial", "appeal", "charge") and a.end <= o.start < t.start
            for o in kept
            if o is not t
        ) and not re.search(r"[;]", text[a.end : t.start])

    def _first_instance(self, sent: tuple[int, int], trigs: list[Trigger]) -> tuple[int, int] | None:
        """The clause of an appeal ruling that names the first-instance verdict ("the eight-year sentences that
        the Hanoi court handed to X in May 2021", "mức án 8 năm tù mà tòa sơ thẩm tuyên hồi tháng 5/2021")."""
        f = self.f
        cue = f.cues.get("first_instance")
        appeals = [t for t in trigs if t.event_type == "appeal"]
        if cue is None or not appeals:
            return None
        for m in cue.finditer(f.text, sent[0], sent[1]):
            if not any(a.start < m.start() for a in appeals):
                continue
            end = f.text.find(";", m.end(), sent[1])
            return (m.start(), end if end >= 0 else sent[1])
        return None

    def _first_instance_verdicts(
        self, sent: tuple[int, int], span: tuple[int, int], date: DateMention | None, terms: list[FoundTerm]
    ) -> None:
        """The appeal keeps the term stated before the first-instance clause; with a date in that clause, each
        person also gets the first-instance sentence event of that date with the same term."""
        appeals = [d for d in self.drafts if d.sent == sent and d.event_type == "appeal"]
        if not appeals:
            return
        lo = min(d.trigger.start for d in appeals if d.trigger is not None) if any(d.trigger for d in appeals) else 0
        stated = [t for t in terms if t.excluded is None and lo <= t.mention.start < span[0]]
        prison = next((t.mention.months for t in stated if t.mention.kind == "prison"), None)
        probation = next((t.mention.months for t in stated if t.mention.kind == "probation"), None)
        made: set[str] = set()
        for d in appeals:
            if "reduced" not in d.flags:
                d.prison = d.prison if d.prison is not None else prison
                d.probation = d.probation if d.probation is not None else probation
            if date is None or prison is None or d.key in made:
                continue
            made.add(d.key)
            v = Draft(d.person, d.key, d.full, "sentence", sent, None, list(d.charges), prison, probation)
            v.date, v.flags, v.order = date, ("first_instance",), d.order
            self.drafts.append(v)

    def _stated(self, t: Trigger, sent: tuple[int, int], date_of: dict[int, DateMention]) -> bool:
        """Background mentions ("previously arrested", "từng bị bắt") need a date or a term in their clause;
        a sentence someone served or completed, and an ongoing detention or an awaited trial, need a date of
        their own."""
        if t.event_type == "other":
            return True  # "từng bị phạt hành chính 7,5 triệu đồng": an administrative fine is stated without a date
        if "background" not in t.flags and "served" not in t.flags and "ongoing" not in t.flags:
            return True
        if "ongoing" in t.flags and "served" not in t.flags and "background" not in t.flags:
            return id(t) in date_of  # "vẫn bị tạm giam từ tháng 5/2021": the sentence gives the date
        if id(t) in date_of and _specificity(date_of[id(t)]) == 0:
            return True
        if "served" in t.flags or "ongoing" in t.flags:
            return False  # "hiện vẫn bị tạm giam", "awaiting trial": an ongoing state needs a date of its own
        clause = next((c for c in _clauses(self.f.text, *sent) if _within(t.start, c)), sent)
        # its own term: after it and before the next trigger ("previously received a six-month sentence")
        stop = min([o.start for o in self._cur_trigs if o.start > t.end] + [clause[1]])
        return any(t.start <= x.mention.start < stop and not x.excluded for x in self.f.terms)

    def _quote_of(self, pos: int) -> tuple[int, int] | None:
        for q in self._quotes():
            if q[0] < pos < q[1]:
                return q
        return None

    def _quotes(self) -> list[tuple[int, int]]:
        """Direct quotations of at least a few words: “...” and "..." pairs within one paragraph."""
        if self._quote_spans is None:
            spans: list[tuple[int, int]] = []
            text = self.f.text
            for m in re.finditer(r"“[^”\n]{20,}?”", text):
                if len(m.group().split()) >= 5:
                    spans.append((m.start(), m.end()))
            # straight quotes pair up in order within a paragraph: the text between a closing quote and
            # the next opening one ('"Le Dung," was sentenced ... said "...') is not a quotation
            for para in re.finditer(r"[^\n]+", text):
                marks = [para.start() + m.start() for m in re.finditer('"', para.group())]
                for a, b in zip(marks[::2], marks[1::2], strict=False):
                    if b - a > 20 and len(text[a : b + 1].split()) >= 5:
                        spans.append((a, b + 1))
            self._quote_spans = spans
        return self._quote_spans

    _quote_spans: list[tuple[int, int]] | None = None

    def _link(self, t: Trigger, persons: list[PersonMention], clause: tuple[int, int]) -> list[PersonMention]:
        f = self.f
        if not persons:
            return []
        if f.linker is not None:
            return f.linker(t, persons)
        if f.lang == "vi":
            return self._link_vi(t, persons)
        return persons

    def _link_vi(self, t: Trigger, persons: list[PersonMention]) -> list[PersonMention]:
        """Passive "X ... bị <trigger>" takes persons before it; active "<trigger> X" after it; "cùng X"
        adds companions. Persons separated from the trigger by another clause marker are dropped."""
        text = self.f.text
        others = [o for o in self._cur_trigs if o is not t]
        before: list[PersonMention] = []
        after: list[PersonMention] = []
        for p in persons:
            if p.end <= t.start:
                between = text[p.end : t.start]
                if re.search(r"\b(?:khi|trên đường|sau khi|trước khi|để|nhưng|trong khi)\b|,\s*còn\b", between):
                    continue  # "A bị bắt tháng 11, còn B bị bắt tháng 1": a new subject after "còn"
                if any(o.event_type == t.event_type and p.end <= o.start and o.end <= t.start for o in others):
                    continue  # the same kind of event in between has its own subject
                before.append(p)
            else:
                between = text[t.end : p.start]
                listed = bool(TERM_AFTER_NAME.match(text[p.end : p.end + 20]))
                if t.event_type not in TERM_TYPES and listed:
                    continue  # "..., ông Viên- 11 năm tù và ông Quyền- 10 năm tù": a verdict list, not this event
                if not listed and re.search(
                    r"\b(?:khi|trên đường|thăm|gặp|của tổ chức|trong khi)\b|,\s*còn\b", between
                ):
                    continue
                if len(between) > 160 or any(
                    o.event_type == t.event_type and t.end <= o.start and o.end <= p.start for o in others
                ):
                    continue  # "A bị bắt tháng 7, còn B bị bắt tháng 9": B is the subject of the second one
                if any(
                    t.end <= o.start
                    and o.end <= p.start
                    and any(t.end <= q.start < o.start for q in persons if q is not p)
                    and re.search(r",|\bvà\b", text[t.end : o.start])
                    for o in others
                ):
                    continue  # "trả tự do cho A, giảm án cho B": B is the object of the second verb only
                after.append(p)
        if before and re.search(
            r"(?:\d+|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|các|những)\s+(?:bị can|bị cáo|người|đối tượng|nhà hoạt động)"
            r"(?:\s+\w+){0,2}?\s+(?:đã\s+|cũng\s+)?(?:bị|được)\s*$",
            text[max(0, t.start - 60) : t.start],
        ):
            # "Liên quan đến X, đã có 10 bị can bị khởi tố": a counted group is the passive subject (the persons it
            # refers back to when it does: "4 người kể trên bị khởi tố")
            return [p for p in persons if p.kind == "group" and p.members and p.end <= t.start < p.end + 30]
        if after and before:
            # "giảm án cho A ..., và giữ nguyên bản án ... đối với B": a trigger with an object of its own
            # does not take the object of an earlier trigger
            before = [p for p in before if not any(o.end <= p.start and o.start < t.start for o in others)]
        return before + after

    _cur_trigs: list[Trigger] = []
