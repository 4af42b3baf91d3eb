"""Dates of events: within a sentence each date goes to its nearest trigger (a date leading the sentence to
all, coordinated triggers share one, several persons may each have their own); across sentences an event
without a date takes that of the same kind of event or proceeding in the sentence before."""

from __future__ import annotations

import re

from nlp.events_common import (
    ALSO,
    COORDINATION,
    FIRST_INSTANCE,
    LATER,
    PROCEEDING,
    SHARE_DATE_PAIRS,
    EventDrafts,
    _clauses,
    _specificity,
    _within,
)
from nlp.mentions import DateMention, PersonMention, Trigger


class EventDates(EventDrafts):
    """Mixin of EventBuilder: the date of each event."""

    def _assign_dates(
        self, sent: tuple[int, int], trigs: list[Trigger], dates: list[DateMention]
    ) -> dict[int, DateMention]:
        """Each date goes to the nearest trigger (a trigger keeps its nearest, most specific date); a date
        nearest to a reporting cue is dropped. A date leading the sentence applies to every trigger
        without its own date; coordinated triggers share one date ("arrested on May 5 and charged")."""
        f = self.f
        anchors = trigs + [t for t in f.triggers if _within(t.start, sent) and t.reporting]
        clauses = _clauses(f.text, *sent)

        def clause_of(x: int) -> int:
            return next((i for i, c in enumerate(clauses) if _within(x, c)), -1)

        cands: dict[int, list[tuple[int, int, int, DateMention]]] = {}  # trigger -> (rank, dist, order, date)
        lead: DateMention | None = None
        first_trig = min(t.start for t in trigs)
        for order, d in enumerate(dates):
            best = None
            best_dist = 10**9
            kind, owner = f.date_head(d.start, d.end) if f.date_head is not None else ("none", None)
            if kind == "foreign":
                continue  # the date of another event ("the elections scheduled for May 23")
            if kind == "trigger" and owner is not None and any(owner is t for t in trigs):
                cands.setdefault(id(owner), []).append((_specificity(d), -1, order, d))
                continue
            trailing = any(t.end <= d.start for t in trigs)
            for a in anchors:
                if a.reporting and a.end <= d.start and re.search(r"\b(?:rằng|là|that)\b|:", f.text[a.start : d.start]):
                    continue  # the date belongs to the reported content
                if a.reporting and trailing and d.end <= a.start and "," in f.text[d.end : a.start]:
                    continue  # "... arrested on May 5, police said" / "..., theo tin từ gia đình"
                dist = d.start - a.end if a.end <= d.start else a.start - d.end
                # English puts the date after its verb ("arrested in May"); Vietnamese often before
                if f.lang == "en":
                    dist += 0 if a.end <= d.start else 6
                else:
                    dist += 2 if a.end <= d.start else 0
                if clause_of(a.start) != clause_of(d.start):
                    dist += 200  # "bị bắt từ ngày 3/7; tháng 10, VKSND truy tố ...": each clause its own date
                if dist < best_dist:
                    best, best_dist = a, dist
            if best is None or best.reporting:
                continue
            is_lead = (
                d.end <= first_trig
                and not any(a.reporting and d.end <= a.start < first_trig for a in anchors)
                and (d.start - sent[0] < 40)
            )
            if is_lead and lead is None:
                lead = d
            cands.setdefault(id(best), []).append((_specificity(d), best_dist, order, d))
        out: dict[int, DateMention] = {}
        for tid, cs in cands.items():
            out[tid] = min(cs, key=lambda c: (c[0], c[1], c[2]))[3]
        if lead is not None:
            for t in trigs:
                out.setdefault(id(t), lead)
        self._share_dates(trigs, out)
        released = {
            (out[id(t)].start, out[id(t)].end): out[id(t)] for t in trigs if t.event_type == "release" and id(t) in out
        }
        if len(released) == 1:
            # "được trả tự do trước thời hạn ... ngay sau khi ra tù hôm qua": one release, one date
            for t in trigs:
                if t.event_type == "release":
                    out.setdefault(id(t), next(iter(released.values())))
        for t in trigs:
            if "scheduled" in t.flags and id(t) in out:
                out[id(t)].future = True  # "dự kiến mở phiên tòa ... vào ngày 6/2", "will stand trial on May 5"
        return out

    def _share_dates(self, trigs: list[Trigger], out: dict[int, DateMention]) -> None:
        """ "was arrested on July 24, 2017 and charged with ...", "giảm án cho A ..., và giữ nguyên bản án
        ... đối với B": a trigger without a date coordinated with the previous one takes its date."""
        f = self.f
        ordered = sorted(trigs, key=lambda t: t.start)
        for prev, t in zip(ordered, ordered[1:], strict=False):
            if id(t) in out or id(prev) not in out:
                continue
            if (prev.event_type, t.event_type) not in SHARE_DATE_PAIRS:
                continue
            between = f.text[prev.end : t.start]
            if (
                ";" in between
                or LATER.search(between + " " + t.text)
                or not COORDINATION.search(between + " " + t.text)
            ):
                continue
            out[id(t)] = out[id(prev)]

    def _person_dates(
        self, t: Trigger, linked: list[PersonMention], dates: list[DateMention], clause: tuple[int, int]
    ) -> dict[int, DateMention]:
        """ "X was arrested in May 2020 and Y in June 2020": one trigger, several persons each followed
        by a date of their own. Used only when at least two persons get distinct dates."""
        f = self.f
        ps = sorted((p for p in linked if _within(p.start, clause)), key=lambda p: p.start)
        if len(ps) < 2:
            return {}
        out: dict[int, DateMention] = {}
        for i, p in enumerate(ps):
            stop = ps[i + 1].start if i + 1 < len(ps) else clause[1]
            own = [d for d in dates if p.end <= d.start < stop]
            if len(own) != 1:
                continue
            d = own[0]
            if f.date_head is not None:
                kind, owner = f.date_head(d.start, d.end)
                if kind == "foreign" or (kind == "trigger" and owner is not None and owner is not t):
                    continue
            out[id(p)] = d
        if len(out) < 2 or len({(d.start, d.end) for d in out.values()}) < 2:
            return {}
        return out

    def _also_dates(self) -> None:
        """ "Ông C cũng bị y án 7 năm tù", "Y was also sentenced to five years": without a date of its own,
        the event takes the date of the same kind of event in the previous sentence."""
        f = self.f
        idx = {s: i for i, s in enumerate(f.sents)}
        for d in self.drafts:
            if d.date is not None or d.sent not in idx or idx[d.sent] == 0:
                continue
            s, e = d.sent
            if not ALSO[f.lang].search(f.text[s:e]):
                continue
            prev = f.sents[idx[d.sent] - 1]
            dated = {
                (o.date.start, o.date.end): o.date
                for o in self.drafts
                if o.sent == prev and o.event_type == d.event_type and o.date is not None
            }
            if len(dated) == 1:
                d.date = next(iter(dated.values()))

    def _proceeding_dates(self) -> None:
        """ "On Monday, the court tried Y. Y was sentenced to ...": an event without a date of its own takes
        the date of the same proceeding (the same person's, or one without a named person) described in the
        directly preceding sentence."""
        f = self.f
        idx = {s: i for i, s in enumerate(f.sents)}
        for d in self.drafts:
            if d.date is not None or d.event_type not in PROCEEDING or "background" in d.flags:
                continue
            i = idx.get(d.sent, 0)
            if i == 0 or FIRST_INSTANCE.search(f.text[d.sent[0] : d.sent[1]]):
                continue
            kinds = PROCEEDING[d.event_type]
            # "On July 24, the court tried X and eleven others. X got three years, B two and C two years": a
            # list of several persons' terms (or several persons tried) reports the proceeding just described
            listed = len({o.key for o in self.drafts if o.sent == d.sent and o.event_type == d.event_type}) >= 2
            brk = f.cues.get("case_break")
            # the directly preceding sentence; for a list of verdicts, up to three sentences back when the
            # sentences between state no date and no other case ("Hôm 30/3, tòa mở 2 phiên tòa ... Đây là các
            # vụ án nghiêm trọng ... Buổi sáng, tòa tuyên phạt A 4 năm, B và C 3 năm")
            for back in range(1, 4 if listed else 2):
                if i - back < 0:
                    break
                prev = f.sents[i - back]
                dated = {
                    (o.date.start, o.date.end): o.date
                    for o in self.drafts
                    if o.sent == prev
                    and o.event_type in kinds
                    and o.date is not None
                    and (o.key == d.key or listed)
                    and "background" not in o.flags
                }
                dated.update(
                    {
                        (o.date.start, o.date.end): o.date
                        for _, o in self.orphans
                        if o.sent == prev and o.event_type in kinds and o.date is not None
                    }
                )
                if len(dated) == 1:
                    d.date = next(iter(dated.values()))
                if dated:
                    break
                if any(_within(x.start, prev) for x in f.dates) or (
                    brk is not None and brk.search(f.text[prev[0] : prev[1]])
                ):
                    break
