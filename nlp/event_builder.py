"""Event assembly: link triggers to the persons they concern, with charges, terms, dates and the
evidence sentence; then apply the document-level labelling conventions (LABELLING.md).

Linking works clause by clause. In English the dependency parse removes persons who are
arguments of another verb when the trigger has its own non-person argument ("police detained
them"); in Vietnamese word order decides (passive "X bị bắt" / active "bắt X").
"""

import re

from nlp.event_dates import EventDates
from nlp.event_linking import TriggerLinking
from nlp.event_output import EventOutput
from nlp.event_scope import CaseArticles, OrphanRules
from nlp.event_terms import EventTerms
from nlp.events_common import (
    TERM_TYPES,
    Draft,
    Found,
    _clauses,
    _expand,
    _within,
)
from nlp.mentions import DateMention, PersonMention, Trigger
from presswatch.models import ExtractedEvent

__all__ = ["EventBuilder", "build_events"]


# what is left of a list item once its persons are taken out: ages, honorifics, conjunctions, punctuation
LIST_ITEM = re.compile(
    r"[\s,;.()\d]*(?:(?:và|and|ông|bà|anh|chị|Mr\.?|Ms\.?|Mrs\.?|tuổi|aged?|SN|sinh năm)[\s,;.()\d]*)*",
    re.IGNORECASE,
)


def _without(text: str, span: tuple[int, int], persons: list[PersonMention]) -> str:
    """The text of a span with the person mentions in it cut out."""
    out, pos = [], span[0]
    for p in sorted(persons, key=lambda p: p.start):
        out.append(text[pos : p.start])
        pos = max(pos, p.end)
    out.append(text[pos : span[1]])
    return " ".join(out)


class EventBuilder(TriggerLinking, EventDates, EventTerms, OrphanRules, EventOutput):
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

    @staticmethod
    def _own_date(t: Trigger, trigs: list[Trigger], date_of: dict[int, DateMention]) -> bool:
        """Has the trigger a date of its own, not one it shares with another event of the sentence (a date
        leading the sentence: "Hôm 31/1, tòa xét xử ba người bị cáo buộc ...")?"""
        d = date_of.get(id(t))
        return d is not None and not any(o is not t and date_of.get(id(o)) is d for o in trigs)

    def _without_event(self, sent: tuple[int, int]) -> None:
        """A sentence stating no event may still state a term or the article of one person's case."""
        f = self.f
        persons = [p for p in f.persons if _within(p.start, sent) and not p.excluded]
        terms = [t for t in f.terms if _within(t.mention.start, sent) and not t.excluded and t.kind != "bare"]
        if persons and terms:
            self._assign_terms(sent, [], persons, terms)  # "Tam will serve five years"
        stated = [c for c in f.charges if _within(c.start, sent) and c.article is not None]
        named = {k for p in persons if p.kind != "group" for _, k, _ in _expand(p)}
        if stated and len(named) == 1:
            # "Under Article 117, Lam had faced up to 12 years": the article of that person's case
            self._case_charges.append((named, stated))

    def _sentence(self, si: int, sent: tuple[int, int]) -> None:
        f = self.f
        trigs = self._active_triggers(sent)
        self._cur_trigs = trigs
        if not trigs:
            self._without_event(sent)
            return
        persons = [p for p in f.persons if _within(p.start, sent) and not p.excluded]
        dates = [d for d in f.dates if _within(d.start, sent)]
        first_instance = self._first_instance(sent, trigs)
        fi_date = None
        if first_instance is not None:
            # "upheld the sentence that the Hanoi court handed to X in May 2021": the first verdict's date
            fi_date = next((d for d in dates if _within(d.start, first_instance)), None)
            dates = [d for d in dates if d is not fi_date]
        # "sentenced ... on charges of X ... on 18 November": a charge cue without an arrest takes no date
        trigs = [
            t
            for t in trigs
            if "with_arrest" not in t.flags or "needs_charge" in t.flags or self._after_arrest(t, trigs)
        ]
        if not trigs:
            self._without_event(sent)
            return
        date_of = self._assign_dates(sent, trigs, dates)
        # "Nga was previously arrested", "người từng bị bắt", "after he completed an eight-year sentence":
        # a background mention is an event only with a date of its own
        trigs = [t for t in trigs if self._stated(t, sent, date_of)]
        # the charge of "arrested last year on charges of ..." goes with its arrest: both or neither; an
        # accusation ("bị cáo buộc tội X") is a charging act only with an arrest, an authority as its agent or
        # a date of its own, else it restates the case's charge (background)
        trigs = [
            t
            for t in trigs
            if "with_arrest" not in t.flags
            or self._after_arrest(t, trigs)
            or ("needs_charge" in t.flags and self._own_date(t, trigs, date_of))
        ]
        if not trigs:
            self._without_event(sent)
            return
        charges = [c for c in f.charges if _within(c.start, sent)]
        terms = [t for t in f.terms if _within(t.mention.start, sent) and not t.excluded]
        prev_trigs: list[Trigger] = []
        for ci, clause in enumerate(_clauses(f.text, *sent)):
            ctrigs = [t for t in trigs if _within(t.start, clause)]
            cpersons = [p for p in persons if _within(p.start, clause)]
            if not ctrigs and cpersons and ci > 0:
                # "...; nhà báo X 12 năm tù giam" continues the list of the previous clause; so does a clause that
                # only names persons ("bắt tạm giam các ông A, 45 tuổi; B, 45 tuổi; và C, 57 tuổi")
                item = LIST_ITEM.fullmatch(_without(f.text, clause, cpersons))
                ctrigs = [t for t in prev_trigs if t.event_type in TERM_TYPES or item]
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


def build_events(found: Found) -> list[ExtractedEvent]:
    b = EventBuilder(found)
    b._pending_terms = []
    b._case_charges = []
    b._merged_into = {}
    return b.build()
