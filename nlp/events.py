"""Event assembly: link triggers to the persons they concern, with charges, terms, dates and the
evidence sentence; then apply the document-level labelling conventions (LABELLING.md).

Linking works clause by clause. In English the dependency parse removes persons who are
arguments of another verb when the trigger has its own non-person argument ("police detained
them"); in Vietnamese word order decides (passive "X bị bắt" / active "bắt X").
"""

import re

from nlp.events_common import (
    COORDINATION,
    LATER,
    LIFE_OR_DEATH,
    SHARE_DATE_PAIRS,
    TERM_TYPES,
    DateHead,
    Draft,
    Found,
    Linker,
    _clauses,
    _expand,
    _specificity,
    _within,
    merge_charges,
)
from nlp.events_document import CaseArticles, DocumentRules
from nlp.mentions import DateMention, PersonMention, Trigger
from nlp.terms import FoundTerm
from presswatch.models import ExtractedEvent

__all__ = ["DateHead", "EventBuilder", "Found", "Linker", "build_events", "merge_charges"]


class EventBuilder(DocumentRules):
    def __init__(self, found: Found) -> None:
        self.f = found
        self.drafts: list[Draft] = []
        self.orphans: list[tuple[int, Draft]] = []  # (sentence index, draft without person)

    # ------------------------------------------------------------------ per sentence
    def build(self) -> list[ExtractedEvent]:
        f = self.f
        for si, sent in enumerate(f.sents):
            self._sentence(si, sent)
        self._attach_orphans()
        self._orphan_terms()
        self._group_probation()
        self._also_dates()
        self._proceeding_dates()
        CaseArticles(self).apply()
        CaseArticles(self).dates()
        pairs = [
            (a, c)
            for a in self.drafts
            if a.event_type == "arrest"
            for c in self.drafts
            if c.event_type == "charge" and c.key == a.key and c.sent == a.sent and not self._later_between(a, c)
        ]
        drafts = self._merge(self.drafts)
        for a, c in pairs:
            # "took X into custody, charging her with ...": one moment, one date (after merging)
            ma, mc = self._merged_into.get(id(a), a), self._merged_into.get(id(c), c)
            if ma.date is None and mc.date is not None:
                ma.date = mc.date
            elif mc.date is None and ma.date is not None:
                mc.date = ma.date
        drafts = self._conventions(drafts)
        return [self._to_event(d) for d in drafts]

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
            for t in kept:
                if t.event_type in TERM_TYPES and "total_only" not in t.flags:
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

    def _sentence(self, si: int, sent: tuple[int, int]) -> None:
        f = self.f
        trigs = self._active_triggers(sent)
        self._cur_trigs = trigs
        if not trigs:
            persons = [p for p in f.persons if _within(p.start, sent) and not p.excluded]
            terms = [t for t in f.terms if _within(t.mention.start, sent) and not t.excluded and t.kind != "bare"]
            if persons and terms:
                self._assign_terms(sent, [], persons, terms)  # "Tam will serve five years"
            stated = [c for c in f.charges if _within(c.start, sent) and c.article is not None]
            named = {k for p in persons if p.kind != "group" for _, k, _ in _expand(p)}
            if stated and len(named) == 1:
                # "Under Article 117, Lam had faced up to 12 years": the article of that person's case
                self._case_charges.append((named, stated))
            return
        persons = [p for p in f.persons if _within(p.start, sent) and not p.excluded]
        dates = [d for d in f.dates if _within(d.start, sent)]
        first_instance = self._first_instance(sent, trigs)
        fi_date = None
        if first_instance is not None:
            # "upheld the sentence that the Hanoi court handed to X in May 2021": the first verdict's date
            fi_date = next((d for d in dates if _within(d.start, first_instance)), None)
            dates = [d for d in dates if d is not fi_date]
        date_of = self._assign_dates(sent, trigs, dates)
        # "Nga was previously arrested", "người từng bị bắt", "after he completed an eight-year sentence":
        # a background mention is an event only with a date of its own
        trigs = [t for t in trigs if self._stated(t, sent, date_of)]
        charges = [c for c in f.charges if _within(c.start, sent)]
        terms = [t for t in f.terms if _within(t.mention.start, sent) and not t.excluded]
        prev_trigs: list[Trigger] = []
        for ci, clause in enumerate(_clauses(f.text, *sent)):
            ctrigs = [t for t in trigs if _within(t.start, clause)]
            cpersons = [p for p in persons if _within(p.start, clause)]
            if not ctrigs and cpersons and ci > 0:
                # "...; nhà báo X 12 năm tù giam" continues the list of the previous clause
                ctrigs = [t for t in prev_trigs if t.event_type in TERM_TYPES]
            if not ctrigs:
                continue
            prev_trigs = ctrigs
            for t in ctrigs:
                linked = self._link(t, cpersons, clause) if _within(t.start, clause) else cpersons
                q = self._quote_of(t.start)
                if q is not None:
                    # a trigger inside a direct quotation concerns only persons named in it, never the speaker
                    linked = [p for p in linked if _within(p.start, q)]
                if not linked and ci > 0:
                    # "...; và anh X kết thúc 7 năm tù" keeps its own subject; else reuse the previous clause's
                    linked = []
                made = False
                own_dates = self._person_dates(t, linked, dates, clause)
                for p in linked:
                    for text, key, full in _expand(p):
                        d = Draft(text, key, full, t.event_type, sent, t, flags=t.flags, order=p.start)
                        d.date = own_dates.get(id(p), date_of.get(id(t)))
                        d.charges = list(charges)
                        self.drafts.append(d)
                        made = True
                if not made:
                    d = Draft("", "", None, t.event_type, sent, t, flags=t.flags, order=t.start)
                    d.date = date_of.get(id(t))
                    d.charges = list(charges)
                    self.orphans.append((si, d))
        self._assign_terms(sent, trigs, persons, terms)
        if first_instance is not None:
            self._first_instance_verdicts(sent, first_instance, fi_date, terms)

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
                if re.search(r"\b(?:khi|trên đường|thăm|gặp|của tổ chức|trong khi)\b|,\s*còn\b", between):
                    continue
                if len(between) > 160 or any(
                    o.event_type == t.event_type and t.end <= o.start and o.end <= p.start for o in others
                ):
                    continue  # "A bị bắt tháng 7, còn B bị bắt tháng 9": B is the subject of the second one
                if any(
                    t.end <= o.start
                    and o.end <= p.start
                    and any(t.end <= q.start < o.start for q in persons if q is not p)
                    and "," in text[t.end : o.start]
                    for o in others
                ):
                    continue  # "trả tự do cho A, giảm án cho B": B is the object of the second verb only
                after.append(p)
        if after and before:
            # "giảm án cho A ..., và giữ nguyên bản án ... đối với B": a trigger with an object of its own
            # does not take the object of an earlier trigger
            before = [p for p in before if not any(o.end <= p.start and o.start < t.start for o in others)]
        return before + after

    _cur_trigs: list[Trigger] = []

    # ------------------------------------------------------------------ dates
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
                if a.reporting and a.end <= d.start and re.search(r"\b(?:rằng|là|that)\b|:", f.text[a.end : d.start]):
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

    # ------------------------------------------------------------------ terms
    def _assign_terms(
        self, sent: tuple[int, int], trigs: list[Trigger], persons: list[PersonMention], terms: list[FoundTerm]
    ) -> None:
        f = self.f
        term_trigs = [t for t in trigs if t.event_type in TERM_TYPES]
        handled = self._list_terms(sent, term_trigs, terms)
        for term in terms:
            if id(term) in handled:
                continue
            ts = term.mention.start
            clause = next(c for c in _clauses(f.text, *sent) if _within(ts, c))
            # owner: nearest person before the term in the clause, else the nearest after it
            before = [p for p in persons if p.end <= ts and _within(p.start, clause)]
            owner = before[-1] if before else None
            after = [p for p in persons if p.start >= term.mention.end and _within(p.start, clause)]
            if term.owner_after is not None:
                # "giữ nguyên bản án 16 năm tù đối với B", "upheld the 11-year sentence imposed on B"
                named = [p for p in after if 0 <= p.start - term.owner_after < 40]
                if named:
                    owner, before = named[0], []
            if owner is None:
                owner = after[0] if after and after[0].start - term.mention.end < 40 else None
            shared = bool(
                re.search(
                    r"(?:cùng mức án|mỗi người|each|both|cùng bị|đều bị|cùng lãnh|đều lãnh|cùng nhận|đều nhận)\s*$",
                    f.text[max(clause[0], ts - 20) : ts],
                )
                # "sentenced A and B to 11 years in prison each", "A and B were each sentenced to 11 years"
                or re.match(r"\s*(?:(?:in|of) (?:prison|jail|imprisonment)\s*)?each\b", f.text[term.mention.end :])
                or (owner is not None and re.search(r"\beach\b", f.text[owner.end : ts]))
            )
            tb = [t for t in term_trigs if t.end <= ts and _within(t.start, clause)]
            trig = tb[-1] if tb else (term_trigs[0] if term_trigs else None)
            if term.kind == "bare" and trig is None and not re.search(r"\bserve\s*$", f.text[max(0, ts - 12) : ts]):
                continue
            targets: list[Draft] = []
            if owner is not None:
                keys = {k for _, k, _ in _expand(owner)}
                if shared:
                    prev_terms = [
                        x.mention.end for x in terms if x.mention.end <= ts and _within(x.mention.start, clause)
                    ]
                    lo = max(prev_terms, default=clause[0])
                    keys |= {k for p in before if p.start >= lo for _, k, _ in _expand(p)}
                targets = [d for d in self.drafts if d.sent == sent and d.key in keys and d.event_type in TERM_TYPES]
                if trig is not None:
                    same = [d for d in targets if d.trigger is trig]
                    targets = same or targets
                if not targets:
                    # no trigger in this sentence: a later sentence such as "Tam will serve five years"
                    self._pending_terms.append((owner, term))
                    continue
            else:
                targets = [d for _, d in self.orphans if d.sent == sent and d.event_type in TERM_TYPES]
                if trig is not None:
                    same = [d for d in targets if d.trigger is trig]
                    targets = same or targets
            for d in targets[:1] if owner is None else targets:
                self._put_term(d, term)

    def _list_terms(self, sent: tuple[int, int], term_trigs: list[Trigger], terms: list[FoundTerm]) -> set[int]:
        """ "A, B and C were sentenced to 15, 11 and 11 years respectively", "A, B và C lần lượt bị tuyên 15, 11
        và 11 năm tù": a list of terms sharing one unit goes, in order, to as many persons linked to the trigger
        before it. Returns the terms placed."""
        f = self.f
        groups: dict[int, list[FoundTerm]] = {}
        for term in terms:
            if term.group is not None and term.excluded is None:
                groups.setdefault(term.group, []).append(term)
        handled: set[int] = set()
        for start, gts in groups.items():
            if len(gts) < 2 or not term_trigs:
                continue
            clause = next(c for c in _clauses(f.text, *sent) if _within(start, c))
            tb = [t for t in term_trigs if t.end <= start and _within(t.start, clause)]
            ds = [
                d
                for d in self.drafts
                if d.sent == sent and d.event_type in TERM_TYPES and _within(d.order, clause) and d.order < start
            ]
            if tb:
                ds = [d for d in ds if d.trigger is tb[-1]] or ds
            keys: list[str] = []
            for d in sorted(ds, key=lambda d: d.order):
                if d.key not in keys:
                    keys.append(d.key)
            if len(keys) != len(gts):
                continue
            for key, term in zip(keys, gts, strict=True):
                for d in ds:
                    if d.key == key:
                        self._put_term(d, term)
                handled.add(id(term))
        respectively = f.cues.get("respectively")
        for clause in _clauses(f.text, *sent):
            if respectively is None or not respectively.search(f.text[clause[0] : clause[1]]):
                continue
            # "A, B và C lần lượt 15 năm, 11 năm và 11 năm tù": several terms after the persons, in order
            ds = [d for d in self.drafts if d.sent == sent and d.event_type in TERM_TYPES and _within(d.order, clause)]
            keys = []
            for d in sorted(ds, key=lambda d: d.order):
                if d.key not in keys:
                    keys.append(d.key)
            last = max((d.order for d in ds), default=clause[1])
            for kind in ("prison", "probation"):
                seq = [
                    t
                    for t in terms
                    if id(t) not in handled
                    and t.excluded is None
                    and t.mention.kind == kind
                    and _within(t.mention.start, clause)
                    and t.mention.start > last
                ]
                if len(seq) < 2 or len(seq) != len(keys):
                    continue
                for key, term in zip(keys, seq, strict=True):
                    for d in ds:
                        if d.key == key:
                            self._put_term(d, term)
                    handled.add(id(term))
        return handled


def build_events(found: Found) -> list[ExtractedEvent]:
    b = EventBuilder(found)
    b._pending_terms = []
    b._case_charges = []
    b._merged_into = {}
    return b.build()
