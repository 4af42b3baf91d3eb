"""Output of event assembly: merging of one person's drafts of one event, the labelling conventions
(LABELLING.md) applied per person, and the ExtractedEvent records."""

from __future__ import annotations

from nlp.dates import Published, resolve
from nlp.events_common import (
    FIRST_INSTANCE,
    LATER,
    TERM_TYPES,
    Draft,
    EventDrafts,
    _within,
    merge_charges,
)
from presswatch.models import ExtractedEvent


class EventOutput(EventDrafts):
    """Mixin of EventBuilder: merged drafts, per-person conventions, records."""

    def _later_between(self, a: Draft, b: Draft) -> bool:
        """ "arrested in May and later charged": the two triggers are not one moment."""
        if a.trigger is None or b.trigger is None:
            return True
        x, y = sorted((a.trigger, b.trigger), key=lambda t: t.start)
        return bool(LATER.search(self.f.text[x.start : y.end]))

    @staticmethod
    def _date_key(d: Draft, published: Published | None) -> str | None:
        if d.date is None:
            return None
        iso, _ = resolve(d.date, published)
        return iso[:7] if iso else None

    def _precision(self, d: Draft) -> str | None:
        return resolve(d.date, self.f.published)[1] if d.date is not None else None

    def _merge(self, drafts: list[Draft]) -> list[Draft]:
        out: list[Draft] = []
        pub = self.f.published
        for d in drafts:
            target = None
            for o in out:
                if o.key != d.key or o.event_type != d.event_type:
                    continue
                a, b = self._date_key(o, pub), self._date_key(d, pub)
                if a and b and a != b:
                    continue
                if o.prison and d.prison and o.prison != d.prison and o.event_type in TERM_TYPES and a != b:
                    continue
                target = o
                break
            if target is None:
                out.append(d)
                continue
            self._merged_into[id(d)] = target
            t = d.trigger
            if (
                t is not None
                and t is target.trigger
                and d.sent == target.sent
                and d.full is None
                and target.full is not None
                and abs(d.order - t.start) < abs(target.order - t.start)
            ):
                # "Việt Khang, tên thật là Võ Minh Trí, bị bắt": rule 6, the full name nearest to the event wins
                # over a pen or short name of the same person further away
                target.person, target.order = d.person, d.order
            if target.date is None or (self._date_key(target, pub) is None and self._date_key(d, pub)):
                target.date = d.date or target.date
            elif d.date is not None and a == b and self._precision(target) == "month" and self._precision(d) == "day":
                target.date = d.date  # "detained in March" then "arrested on March 27, 2021"
            target.prison = target.prison if target.prison is not None else d.prison
            target.probation = target.probation if target.probation is not None else d.probation
            target.suspended = target.suspended or d.suspended
            flags = set(target.flags) | set(d.flags)
            if "total_only" not in target.flags or "total_only" not in d.flags:
                flags.discard("total_only")  # a person's own event was stated besides the total
            target.flags = tuple(flags)
            for c in d.charges:
                if c not in target.charges:
                    target.charges.append(c)
            if target.full is None and d.full is not None:
                target.full = d.full
        return [d for d in out if "total_only" not in d.flags]

    def _conventions(self, drafts: list[Draft]) -> list[Draft]:
        # the last sentence mentioning each merged event: "... serving a 12-year sentence ... He was sentenced
        # in September 2012" is told again after its article was stated
        reach: dict[int, int] = {}
        for raw in self.drafts:
            t = self._merged_into.get(id(raw), raw)
            reach[id(t)] = max(reach.get(id(t), -1), raw.sent[0])
        by_person: dict[str, list[Draft]] = {}
        for d in drafts:
            by_person.setdefault(d.key, []).append(d)
        out: list[Draft] = []
        for _, ds in by_person.items():
            types = {d.event_type for d in ds}
            sentence = next((d for d in ds if d.event_type == "sentence"), None)
            # "Police arrested X on 12 May. He was later charged under Article 258": an article first stated with
            # a charge told as a later step (LATER cue before its trigger) does not reach the events told before
            # it; otherwise the article of the case reaches all its events (the held-out labels give an arrest
            # the article of the case stated in a later sentence)
            stating = [d for d in ds if any(c.article is not None and _within(c.start, d.sent) for c in d.charges)]
            first = None
            if stating and all(self._later_step(d) for d in stating):
                first = min(reach.get(id(d), d.sent[0]) for d in stating)
            stated = [c for d in ds for c in d.charges if c.article is not None]
            if not stated:
                stated = [c for keys, cs in self._case_charges if keys is None or ds[0].key in keys for c in cs]
            appeal = next((d for d in ds if d.event_type == "appeal"), None)
            if sentence is not None and appeal is not None and self._continues_appeal(sentence, appeal):
                appeal.prison = appeal.prison if appeal.prison is not None else sentence.prison
                appeal.probation = appeal.probation if appeal.probation is not None else sentence.probation
                reach[id(appeal)] = max(
                    reach.get(id(appeal), appeal.sent[0]), reach.get(id(sentence), sentence.sent[0])
                )
                ds = [d for d in ds if d is not sentence]
                sentence = next((d for d in ds if d.event_type == "sentence"), None)
            for d in ds:
                # "He had earlier been sentenced to two years" (background): another, earlier proceeding
                if d.event_type == "trial" and sentence is not None and "background" not in sentence.flags:
                    pub = self.f.published
                    if (
                        self._date_key(sentence, pub) is None
                        and self._date_key(d, pub) is not None
                        or sentence.date is None
                    ):
                        sentence.date = d.date
                    continue
                if d.event_type == "appeal" and d.prison is None and "upheld" in d.flags and sentence is not None:
                    d.prison = sentence.prison
                    d.probation = d.probation if d.probation is not None else sentence.probation
                if not any(c.article is not None for c in d.charges) and (
                    first is None or reach.get(id(d), d.sent[0]) >= first
                ):
                    d.charges = d.charges + [c for c in stated if c not in d.charges]
                out.append(d)
            _ = types
        out.sort(key=lambda d: (d.sent[0], d.order))
        return out

    def _later_step(self, d: Draft) -> bool:
        """A charge told as a step after what came before ("He was later charged", "Sau đó ông bị khởi tố")."""
        if d.event_type != "charge" or d.trigger is None:
            return False
        s = d.sent[0]
        return bool(LATER.search(self.f.text[s : d.trigger.end]))

    def _continues_appeal(self, sentence: Draft, appeal: Draft) -> bool:
        """A verdict sentence right after the appeal sentence, without its own date or a first-instance
        cue, reports the appeal's result ("...phiên tòa phúc thẩm. ... bà X phải chịu mức án 9 năm")."""
        f = self.f
        idx = {s: i for i, s in enumerate(f.sents)}
        if idx.get(sentence.sent, -9) != idx.get(appeal.sent, -9) + 1:
            return False
        if sentence.date is not None and self._date_key(sentence, f.published) != self._date_key(appeal, f.published):
            return False
        s, e = sentence.sent
        return not FIRST_INSTANCE.search(f.text[s:e])

    def _to_event(self, d: Draft) -> ExtractedEvent:
        f = self.f
        charges = merge_charges(d.charges)
        date = precision = date_text = None
        if d.date is not None:
            date, precision = resolve(d.date, f.published)
            date_text = d.date.text
        s, e = d.sent
        quote = f.text[s:e].strip()
        qs = s + (len(f.text[s:e]) - len(f.text[s:e].lstrip()))
        return ExtractedEvent(
            person=d.person,
            event_type=d.event_type,
            person_full=d.full,
            charges=charges,
            prison_months=d.prison if d.event_type in TERM_TYPES else None,
            probation_months=d.probation if d.event_type in TERM_TYPES else None,
            suspended=d.suspended,
            date=date,
            date_precision=precision,
            date_text=date_text,
            quote=quote,
            start=qs,
            end=qs + len(quote),
        )
