"""Document-level event rules: details of triggers without a person go to the persons named next,
dates carried from the previous sentence, merging of one person's mentions of one event, and the
labelling conventions (LABELLING.md) applied per person; finally the ExtractedEvent records."""

from __future__ import annotations

import re

from nlp.dates import Published, resolve
from nlp.events_common import (
    ALSO,
    CASE_NOUN,
    FIRST_INSTANCE,
    INDEFINITE,
    LATER,
    PROCEEDING,
    TERM_TYPES,
    Draft,
    Found,
    _expand,
    _within,
    merge_charges,
)
from nlp.mentions import ChargeMention, PersonMention
from nlp.terms import FoundTerm
from presswatch.ids import fold
from presswatch.models import ExtractedEvent


class DocumentRules:
    """Mixin of EventBuilder: the rules that look across sentences."""

    f: Found
    drafts: list[Draft]
    orphans: list[tuple[int, Draft]]

    _pending_terms: list[tuple[PersonMention, FoundTerm]]
    _merged_into: dict[int, Draft]
    _case_charges: list[tuple[set[str] | None, list[ChargeMention]]]  # (person keys or every person, articles)

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
            for d in group:
                if d.probation is None:
                    d.probation = term.mention.months

    def _later_between(self, a: Draft, b: Draft) -> bool:
        """ "arrested in May and later charged": the two triggers are not one moment."""
        if a.trigger is None or b.trigger is None:
            return True
        x, y = sorted((a.trigger, b.trigger), key=lambda t: t.start)
        return bool(LATER.search(self.f.text[x.start : y.end]))

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
            prev = f.sents[i - 1]
            kinds = PROCEEDING[d.event_type]
            # "On July 24, the court tried X and eleven others. X got three years, B two and C two years": a
            # list of several persons' terms reports the verdicts of the proceeding just described
            listed = d.event_type == "sentence" and (
                len({o.key for o in self.drafts if o.sent == d.sent and o.event_type == "sentence"}) >= 2
            )
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

    # ------------------------------------------------------------------ orphans
    def _attach_orphans(self) -> None:
        """A trigger sentence without a named person ("A court jailed a farmer for six years")
        gives its details to the same-type events of the next sentences, or to the first person
        named in the next sentence."""
        f = self.f
        for si, o in self.orphans:
            s, e = o.sent
            indefinite = bool(INDEFINITE[f.lang].search(f.text[s:e]))
            stated = [c for c in o.charges if c.article is not None]
            if stated and CASE_NOUN[f.lang].search(f.text[s:e]):
                # "Vụ án được xét xử theo Điều 79", "The case was brought under Article 88": every person's case
                self._case_charges.append((None, stated))
            if o.event_type == "appeal" and "upheld" in o.flags:
                earlier = [d for d in self.drafts if d.event_type == "appeal" and d.sent[0] <= s]
                prev_sent = f.sents[si - 1] if si > 0 else None
                if (
                    earlier
                    and len({d.key for d in earlier}) == 1
                    and not any(d.event_type == "sentence" and d.sent == prev_sent for d in self.drafts)
                ):
                    # "... mở phiên phúc thẩm xét xử X ... HĐXX tuyên y án sơ thẩm": the outcome of X's appeal
                    for d in earlier:
                        d.flags = tuple(set(d.flags) | {"upheld"})
                        d.date = d.date or o.date
                    continue
            if o.prison is None and o.date is None and not o.charges and not indefinite:
                continue
            if o.event_type == "appeal" and "upheld" in o.flags and si > 0:
                prev = [d for d in self.drafts if d.event_type == "sentence" and d.sent == f.sents[si - 1]]
                if prev:
                    # "Các mức án được giữ nguyên tại phiên phúc thẩm ngày ...": the sentences just listed
                    for sd in prev:
                        d = Draft(
                            sd.person,
                            sd.key,
                            sd.full,
                            "appeal",
                            o.sent,
                            o.trigger,
                            list(sd.charges),
                            sd.prison,
                            sd.probation,
                            sd.suspended,
                            o.date,
                            o.flags,
                            sd.order,
                        )
                        self.drafts.append(d)
                    continue
            nxt = [d for d in self.drafts if d.event_type == o.event_type and d.sent in f.sents[si + 1 : si + 3]]
            if nxt:
                keys = {d.key for d in nxt}
                case = CaseArticles(self)
                for d in nxt:
                    if d.date is None and o.date is not None and not case.other_case(si, d):
                        d.date = o.date
                    if len(keys) == 1 and d.prison is None:
                        d.prison, d.probation = o.prison, d.probation or o.probation
                    if not d.charges and CaseArticles(self).same_case(si, o, d):
                        d.charges = o.charges
                continue
            if (o.prison is None and not indefinite) or si + 1 >= len(f.sents):
                continue
            ns = f.sents[si + 1]
            cands = [p for p in f.persons if _within(p.start, ns) and not p.excluded and p.kind != "group"]
            if not cands:
                continue
            p = cands[0]
            for text, key, full in _expand(p)[:1]:
                d = Draft(
                    text,
                    key,
                    full,
                    o.event_type,
                    ns,
                    o.trigger,
                    list(o.charges),
                    o.prison,
                    o.probation,
                    o.suspended,
                    o.date,
                    o.flags,
                    p.start,
                )
                self.drafts.append(d)

    # ------------------------------------------------------------------ merging and conventions
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


# events of a case that carry the article stated earlier for it (LABELLING rule 4: trial, sentence, appeal)
CARRY_TYPES = ("trial", "sentence", "appeal")
# a source of these types is a verdict: a later event of another month or year is another case
VERDICT_TYPES = ("sentence", "appeal")
# "In 2017, ...", "Năm 2017, ...": a year alone (not the year of a penal code)
YEAR_ALONE = re.compile(
    r"(?<!hình sự )(?<!blhs )\b(?:in|năm|vào năm|hồi năm) ((?:19|20)\d\d)\b(?![\s,]+(?:penal|criminal|code|bộ luật))",
    re.IGNORECASE,
)


class CaseArticles:
    """Document-level carrying of charge articles to later events of the same case (LABELLING rule 4).

    - group: a sentence stating an article for several persons at once (an event without a named person,
      "four democracy activists", "Ba bị cáo", or two or more named persons) gives it to the trial, sentence
      and appeal events of the following sentences ("Lawyer X received five years") until the case ends:
      a round-up cue (passage_cues.case_break: "In another case", "Separately", "Trong một vụ khác"), a
      sentence naming another article, another court place (court_place), or an event date that cannot
      belong to the same proceeding (another month/year after a verdict, an earlier date after a charge);
    - same charge: "under the same article", "on the same charge", "cùng tội danh" (same_charge) takes the
      article of the nearest earlier event of the same proceeding (same dates as above, no break between);
    - person: handled in DocumentRules._conventions, only for events at or after the stating sentence.
    """

    def __init__(self, rules: DocumentRules) -> None:
        self.r = rules
        self.f = rules.f
        f = self.f
        self.brk = f.cues.get("case_break")
        self.same = f.cues.get("same_charge")
        self.court = f.cues.get("court_place")
        self.group_verdict = f.cues.get("group_verdict")
        self.group_subject = f.cues.get("group_subject")
        self.idx = {s: i for i, s in enumerate(f.sents)}

    def _text(self, si: int) -> str:
        s, e = self.f.sents[si]
        return self.f.text[s:e]

    def _breaks(self, si: int) -> bool:
        return bool(self.brk is not None and self.brk.search(self._text(si)))

    def _court(self, si: int) -> str | None:
        if self.court is None:
            return None
        m = self.court.search(self._text(si))
        return fold(m.group(1)).split(" ")[0] if m else None

    def _ym(self, d: Draft) -> tuple[int | None, int | None]:
        if d.date is None:
            # "In 2017, X was sentenced ...": a year alone is no event date, but still tells the case apart
            years = [m.year for m in self.f.dates if _within(m.start, d.sent) and m.year is not None]
            years += [int(m.group(1)) for m in YEAR_ALONE.finditer(self.f.text, *d.sent)]
            return (years[0], None) if len(set(years)) == 1 else (None, None)
        iso, _ = resolve(d.date, self.f.published)
        if iso:
            return int(iso[:4]), int(iso[5:7]) if len(iso) >= 7 else None
        year = d.date.year
        if year is None and d.date.rel_years is not None and self.f.published is not None:
            year = self.f.published.year + d.date.rel_years
        return year, None

    def _compatible(self, src: tuple[int | None, int | None], verdict: bool, d: Draft) -> bool:
        ys, ms = src
        yd, md = self._ym(d)
        if ys is None or yd is None:
            return True
        if verdict:
            return ys == yd and (ms is None or md is None or ms == md)
        return (yd, md or 12) >= (ys, ms or 1)

    def same_case(self, si: int, src: Draft, d: Draft) -> bool:
        """Whether event `d` (a later sentence) continues the case of `src` (sentence si): no round-up cue,
        other article or other court in between, and a date that fits."""
        sj = self.idx.get(d.sent)
        if sj is None:
            return False
        court = self._court(si)
        for k in range(si + 1, sj + 1):
            c2 = self._court(k)
            if self._breaks(k) or self._stated(k) or (court and c2 and c2 != court):
                return False
        return self._compatible(self._ym(src), src.event_type in VERDICT_TYPES, d)

    def other_case(self, si: int, d: Draft) -> bool:
        """A round-up cue or another court between sentence si and event `d`: no date is carried to it."""
        sj = self.idx.get(d.sent)
        if sj is None:
            return True
        court = self._court(si)
        for k in range(si + 1, sj + 1):
            c2 = self._court(k)
            if self._breaks(k) or (court and c2 and c2 != court):
                return True
        return False

    def _by_sentence(self) -> tuple[dict[int, list[Draft]], dict[int, list[Draft]]]:
        """The drafted events and the orphan events (no named person), by sentence index."""
        by_sent: dict[int, list[Draft]] = {}
        for d in self.r.drafts:
            if d.sent in self.idx:
                by_sent.setdefault(self.idx[d.sent], []).append(d)
        orphan_sents: dict[int, list[Draft]] = {}
        for si, o in self.r.orphans:
            orphan_sents.setdefault(si, []).append(o)
        return by_sent, orphan_sents

    def _has_group(self, si: int) -> bool:
        """A group reference ("the four", "Cả ba") in sentence si."""
        return any(p.kind == "group" and not p.excluded and _within(p.start, self.f.sents[si]) for p in self.f.persons)

    def _stated(self, si: int) -> list[ChargeMention]:
        return [c for c in self.f.charges if _within(c.start, self.f.sents[si]) and c.article is not None]

    def apply(self) -> None:
        f = self.f
        by_sent, orphan_sents = self._by_sentence()
        for si in range(len(f.sents)):
            stated = self._stated(si)
            if not stated or len({c.article for c in stated}) > 2:
                continue
            own = by_sent.get(si, [])
            orph = orphan_sents.get(si, [])
            dated = [d for d in own + orph if d.date is not None]
            self._backward(si, stated, self._ym(dated[0]) if dated else (None, None), by_sent, orphan_sents)
            groups = self._has_group(si)
            found_group = bool(self.group_verdict is not None and self.group_verdict.search(self._text(si)))
            if not (orph or groups or found_group or len({d.key for d in own}) >= 2):
                continue
            src_events = own + orph
            if not src_events and not found_group:
                # "Judge X found the three guilty of ... under Article 79": a verdict for the group, no event
                continue
            dated = [d for d in src_events if d.date is not None]
            src_date = self._ym(dated[0]) if dated else (None, None)
            verdict = all(d.event_type in VERDICT_TYPES for d in src_events)
            court = self._court(si)
            for sj in range(si + 1, len(f.sents)):
                if self._breaks(sj) or self._stated(sj):
                    break
                c2 = self._court(sj)
                if court and c2 and c2 != court:
                    break
                recv = [d for d in by_sent.get(sj, []) if d.event_type in CARRY_TYPES]
                if any(not self._compatible(src_date, verdict, d) for d in recv):
                    break
                for d in recv:
                    d.charges = d.charges + [c for c in stated if c not in d.charges]
        self._same_charge(by_sent)

    def dates(self) -> None:
        """ "A court on Wednesday jailed four activists. X received five years. ... Z was given seven years": the
        date of a group verdict (an event without a named person, or a group reference) reaches the sentence
        events without a date of their own in the following sentences, with the scope and stop rules of the
        article (a round-up cue, another court, a date of another proceeding, another group verdict)."""
        f = self.f
        by_sent, orphan_sents = self._by_sentence()
        for si in range(len(f.sents)):
            groups = self._has_group(si)
            src = [o for o in orphan_sents.get(si, []) if o.event_type == "sentence"]
            if groups:
                src += [d for d in by_sent.get(si, []) if d.event_type == "sentence"]
            dated = {(d.date.start, d.date.end): d for d in src if d.date is not None and "background" not in d.flags}
            if len(dated) != 1 or self._breaks(si):
                continue
            source = next(iter(dated.values()))
            date, ym, court = source.date, self._ym(source), self._court(si)
            for sj in range(si + 1, len(f.sents)):
                c2 = self._court(sj)
                other = [o for o in orphan_sents.get(sj, []) if o.event_type in VERDICT_TYPES or o.date is not None]
                if self._breaks(sj) or (court and c2 and c2 != court) or other:
                    break
                recv = [d for d in by_sent.get(sj, []) if d.event_type == "sentence" and "background" not in d.flags]
                if any(not self._compatible(ym, True, d) for d in recv):
                    break
                if FIRST_INSTANCE.search(self._text(sj)):
                    continue
                for d in recv:
                    if d.date is None:
                        d.date = date

    def _backward(
        self,
        si: int,
        stated: list[ChargeMention],
        src_date: tuple[int | None, int | None],
        by_sent: dict[int, list[Draft]],
        orphan_sents: dict[int, list[Draft]],
    ) -> None:
        """ "A court in Hue sentenced four bloggers. A got four years ... All four were convicted of ... under
        Article 331": an article stated for the group (group_subject at the sentence start) after the individual
        verdicts reaches the trial, sentence and appeal events of the sentences before, back to the group verdict
        sentence (an event without a named person or a group reference) or a round-up cue (both included); not
        across a sentence naming an article or another court, and not when the group sentence opens another
        case itself."""
        f = self.f
        if self.group_subject is None or not self.group_subject.match(self._text(si)) or self._breaks(si):
            return
        court = self._court(si)
        for sj in range(si - 1, -1, -1):
            if self._stated(sj):
                break
            c2 = self._court(sj)
            if court and c2 and c2 != court:
                break
            recv = [
                d
                for d in by_sent.get(sj, [])
                if d.event_type in CARRY_TYPES and not any(c.article is not None for c in d.charges)
            ]
            if any(not self._compatible(src_date, True, d) for d in recv):
                break
            for d in recv:
                d.charges = d.charges + [c for c in stated if c not in d.charges]
            group = any(p.kind == "group" and not p.excluded and _within(p.start, f.sents[sj]) for p in f.persons)
            if self._breaks(sj) or orphan_sents.get(sj) or group:
                break

    def _same_charge(self, by_sent: dict[int, list[Draft]]) -> None:
        f = self.f
        if self.same is None:
            return
        for sj in range(len(f.sents)):
            if not self.same.search(self._text(sj)) or self._stated(sj):
                continue
            recv = [d for d in by_sent.get(sj, []) if not any(c.article is not None for c in d.charges)]
            if not recv:
                continue
            if self._breaks(sj):
                continue
            for si in range(sj - 1, -1, -1):
                stated = self._stated(si)
                if stated:
                    src = [d for d in by_sent.get(si, []) if d.event_type in CARRY_TYPES + ("charge", "arrest")]
                    dated = [d for d in src if d.date is not None]
                    src_date = self._ym(dated[0]) if dated else (None, None)
                    verdict = bool(src) and all(d.event_type in VERDICT_TYPES for d in src)
                    c1, c2 = self._court(si), self._court(sj)
                    if c1 and c2 and c1 != c2:
                        break
                    for d in recv:
                        if self._compatible(src_date, verdict, d):
                            d.charges = d.charges + [c for c in stated if c not in d.charges]
                    break
                if self._breaks(si):
                    break
