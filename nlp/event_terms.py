"""Prison and probation terms of events: each term to its owner's sentence or appeal event in the sentence,
lists of terms in the order of the persons ("respectively"), terms stated in a later sentence without a
trigger ("Tam will serve five years") and a probation term stated for the whole group."""

from __future__ import annotations

import re

from nlp.events_common import TERM_TYPES, Draft, EventDrafts, _clauses, _expand, _within, group_size
from nlp.mentions import PersonMention, Trigger
from nlp.terms import FoundTerm

# "11 years in prison each", "12 years and a three-year house arrest each": one term per person of the list
EACH_AFTER = re.compile(
    r"\s*(?:(?:(?:in|of) (?:prison|jail|imprisonment)|(?:of )?(?:house arrest|probation|surveillance))\s*)?"
    r"(?:(?:and|,)\s+(?:an?\s+)?[\w-]+(?:\s+[\w-]+){0,4}?\s+)?each\b"
)
# what may stand between two persons of one coordinated list: a comma, and/và, an age or a bracketed note
LIST_GAP = re.compile(
    r"(?:\s*\([^()]{0,80}\))?(?:\s*,\s*\d{1,3})?\s*(?:,|,?\s*(?:and|và|cùng))\s*(?:(?:ông|bà|anh|chị|Mr\.|Ms\.|Mrs\.)\s+)?",
    re.IGNORECASE,
)
# between the list and its term: another clause or a verb of its own breaks the sharing
LIST_BREAK = re.compile(r"[;:]|\b(?:while|whereas|but|còn|nhưng|riêng|lần lượt|respectively)\b", re.IGNORECASE)


def _keys_in_order(drafts: list[Draft]) -> list[str]:
    """The persons (keys) of drafts in the order the text names them, each once."""
    return list(dict.fromkeys(d.key for d in sorted(drafts, key=lambda d: d.order)))


class EventTerms(EventDrafts):
    """Mixin of EventBuilder: the terms of each sentence and appeal event."""

    def _assign_terms(
        self, sent: tuple[int, int], trigs: list[Trigger], persons: list[PersonMention], terms: list[FoundTerm]
    ) -> None:
        f = self.f
        term_trigs = [t for t in trigs if t.event_type in TERM_TYPES]
        handled = self._list_terms(sent, term_trigs, terms)
        # "convicted a journalist ... and sentenced her to ...": a pronoun that names no one owns no term
        persons = [p for p in persons if _expand(p)]
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
                named = [p for p in after if p.end > term.owner_after and p.start - term.owner_after < 40]
                if named:
                    owner, before = named[0], []
            following: list[PersonMention] = []
            if owner is None:
                owner = after[0] if after and after[0].start - term.mention.end < 40 else None
                if owner is not None:
                    # "có 3 người bị 13 năm tù ... bao gồm A, B, C": the coordinated list named after the term
                    following = self._coordinated_after(owner, after)
            # "A và B cùng lĩnh mức án 5 năm tù và 3 năm quản chế": the cue covers the terms joined after it
            window = max(clause[0], ts - 60)
            joined = re.search(
                r"\b(?:cùng|đều)\s+(?:bị|lãnh|lĩnh|nhận|chịu)\s+(?:(?:cùng\s+)?mức án\s+)?[\w\s]{1,30}?"
                r"(?:tù|tù giam)?\s*(?:,|và)\s*$",
                f.text[window:ts],
            )
            shared = bool(
                re.search(
                    r"(?:cùng mức án|mỗi người|each|both"
                    r"|(?:cùng|đều)\s+(?:bị|lãnh|lĩnh|nhận|chịu)(?:\s+(?:cùng\s+)?mức án)?)\s*$",
                    f.text[max(clause[0], ts - 20) : ts],
                )
                or joined is not None
                # "sentenced A and B to 11 years in prison each", "A and B were each sentenced to 11 years"
                or EACH_AFTER.match(f.text[term.mention.end :])
                or (owner is not None and re.search(r"\beach\b", f.text[owner.end : ts]))
                or (owner is not None and not term.owner_after and self._coordinated_owners(owner, before, terms, ts))
            )
            tb = [t for t in term_trigs if t.end <= ts and _within(t.start, clause)]
            trig = tb[-1] if tb else (term_trigs[0] if term_trigs else None)
            if term.kind == "bare" and trig is None and not re.search(r"\bserve\s*$", f.text[max(0, ts - 12) : ts]):
                continue
            targets: list[Draft] = []
            if owner is not None:
                keys = {k for _, k, _ in _expand(owner)}
                owners = [owner]
                if shared:
                    prev_terms = [
                        x.mention.end for x in terms if x.mention.end <= ts and _within(x.mention.start, clause)
                    ]
                    lo = max(prev_terms, default=clause[0])
                    owners += [p for p in before if p.start >= lo and p is not owner]
                    if joined is not None:
                        owners += [p for p in self._coordinated_before(owner, before) if p not in owners]
                owners += following
                keys |= {k for p in owners for _, k, _ in _expand(p)}
                targets = [d for d in self.drafts if d.sent == sent and d.key in keys and d.event_type in TERM_TYPES]
                if trig is not None:
                    same = [d for d in targets if d.trigger is trig]
                    targets = same or targets
                if not targets:
                    # no trigger in this sentence: a later sentence such as "Tam will serve five years" (each owner
                    # of a shared term: "A, B and C have to spend five years behind bars")
                    self._pending_terms.extend((p, term) for p in owners)
                    continue
            else:
                targets = [d for _, d in self.orphans if d.sent == sent and d.event_type in TERM_TYPES]
                if trig is not None:
                    same = [d for d in targets if d.trigger is trig]
                    targets = same or targets
            for d in targets[:1] if owner is None else targets:
                self._put_term(d, term)

    def _coordinated_after(self, owner: PersonMention, after: list[PersonMention]) -> list[PersonMention]:
        """The persons coordinated with `owner` after it ("A, B và C"), when the list ends its clause."""
        text = self.f.text
        run: list[PersonMention] = []
        prev = owner
        for p in after:
            if p.start <= owner.start:
                continue
            if not LIST_GAP.fullmatch(text[prev.end : p.start]):
                break
            run.append(p)
            prev = p
        return run if run and not re.match(r"\s*\d", text[prev.end : prev.end + 12]) else []

    def _coordinated_before(self, owner: PersonMention, before: list[PersonMention]) -> list[PersonMention]:
        """The persons joined to `owner` before it by commas and and/và ("A, B và C")."""
        text = self.f.text
        run: list[PersonMention] = []
        nxt = owner
        for p in reversed([q for q in before if q.end <= owner.start]):
            if not LIST_GAP.fullmatch(text[p.end : nxt.start]):
                break
            run.append(p)
            nxt = p
        return run

    def _coordinated_owners(
        self, owner: PersonMention, before: list[PersonMention], terms: list[FoundTerm], ts: int
    ) -> bool:
        """ "tuyên phạt các bị cáo A, B, C mức án 20 năm tù", "sentenced A and B to 11 years": persons joined only
        by commas and and/và, with no other term among them, share the one term that follows the list."""
        text = self.f.text
        run = [owner]
        for p in reversed(before[:-1]):
            gap = text[p.end : run[-1].start]
            if not LIST_GAP.fullmatch(gap):
                break
            run.append(p)
        if len(run) < 2:
            return False
        lo = run[-1].start
        return not any(lo <= t.mention.start < ts for t in terms) and not LIST_BREAK.search(text[owner.end : ts])

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
            keys = _keys_in_order(ds)
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
            keys = _keys_in_order(ds)
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

    @staticmethod
    def _put_term(d: Draft, term: FoundTerm) -> None:
        if term.mention.kind == "probation":
            if d.probation is None:
                d.probation = term.mention.months
        else:
            if d.prison is None or "reduced" in d.flags:
                d.prison = term.mention.months
                d.suspended = d.suspended or term.mention.suspended

    def _orphan_terms(self) -> None:
        for owner, term in self._pending_terms:
            keys = {k for _, k, _ in _expand(owner)}
            cands = [
                d for d in self.drafts if d.key in keys and d.event_type in TERM_TYPES and d.sent[0] <= owner.start
            ]
            if cands:
                self._put_term(cands[-1], term)
                continue
            if term.kind == "bare" or term.mention.kind != "prison" or owner.kind == "group":
                continue
            made = self._verdict_of_context(owner)
            if made is not None:
                self._put_term(made, term)

    def _verdict_of_context(self, owner: PersonMention) -> Draft | None:
        """ "The court handed down 15 years to A ... Other defendants got 7-12 years. Accordingly, B will spend 7
        years behind bars": a person given a prison term, without a verdict word of their own, right after a
        verdict (at most three sentences back, no other case in between) is a verdict of that proceeding."""
        f = self.f
        si = next((i for i, s in enumerate(f.sents) if _within(owner.start, s)), None)
        if si is None:
            return None
        brk = f.cues.get("case_break")
        source: Draft | None = None
        for back in range(0, 4):
            if si - back < 0:
                break
            sent = f.sents[si - back]
            if back and brk is not None and brk.search(f.text[sent[0] : sent[1]]):
                break
            verdicts = [d for d in self.drafts if d.sent == sent and d.event_type in TERM_TYPES]
            verdicts += [d for _, d in self.orphans if d.sent == sent and d.event_type in TERM_TYPES]
            if verdicts:
                source = verdicts[-1]
                break
        if source is None:
            return None
        text, key, full = (_expand(owner) or [(owner.text, "", None)])[0]
        if not key:
            return None
        d = Draft(
            text, key, full, source.event_type, f.sents[si], source.trigger, flags=source.flags, order=owner.start
        )
        d.date = source.date
        self.drafts.append(d)
        return d

    def _group_probation(self) -> None:
        """ "The court gave A ten years, B nine years and C eight years. Each will also serve three years of
        probation", "..., followed by three years of probation each", "Cả ba còn bị phạt 3 năm quản chế": a
        probation term stated for the group goes to every person of the sentence events just before (the same
        sentence when it lists two or more persons, else the previous sentence)."""
        f = self.f
        subject, each = f.cues.get("group_subject"), f.cues.get("group_each")
        if subject is None or each is None:
            return
        for term in f.terms:
            if term.excluded is not None or term.mention.kind != "probation":
                continue
            si = next((i for i, s in enumerate(f.sents) if _within(term.mention.start, s)), None)
            if si is None:
                continue
            s, e = f.sents[si]
            clause_start = max([s] + [s + i + 1 for i, c in enumerate(f.text[s : term.mention.start]) if c == ";"])
            if not (
                subject.match(f.text[s:e])
                or each.search(f.text[clause_start : term.mention.start])
                or each.match(f.text[term.mention.end : term.mention.end + 40])
            ):
                continue
            for cand in (f.sents[si], f.sents[si - 1] if si > 0 else None):
                group = [d for d in self.drafts if d.sent == cand and d.event_type in TERM_TYPES]
                if len({d.key for d in group}) >= 2:
                    break
            else:
                continue
            if cand != f.sents[si] and any(
                not p.excluded and p.kind in ("name", "short", "alias") and _within(p.start, f.sents[si])
                for p in f.persons
            ):
                continue  # the sentence names its own subject
            sm = subject.match(f.text[s:e])
            count = group_size(sm.group(), f.lang, f.cues.get("group_count"), f.numbers) if sm else 0
            keys = list(dict.fromkeys(d.key for d in sorted(group, key=lambda d: d.order)))
            if 2 <= count < len(keys):
                # "A 12 năm tù, B 11 năm và C 10 năm. Hai ông còn phải ... quản chế 5 năm": the last ones listed
                group = [d for d in group if d.key in keys[-count:]]
            for d in group:
                if d.probation is None:
                    d.probation = term.mention.months
