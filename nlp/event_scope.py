"""Scope of an event's details across sentences: a trigger without a named person (an orphan) gives its
details to the persons or events of the next sentences, and the charge articles and the date of a group verdict
reach the later events of the same case until it ends (LABELLING rule 4; CaseArticles)."""

from __future__ import annotations

import re
from dataclasses import replace

from nlp.dates import resolve
from nlp.events_common import (
    CASE_NOUN,
    FIRST_INSTANCE,
    INDEFINITE,
    Draft,
    EventDrafts,
    _expand,
    _within,
    group_size,
)
from nlp.mentions import ChargeMention, PersonMention
from presswatch.ids import fold


class OrphanRules(EventDrafts):
    """Mixin of EventBuilder: the details of triggers without a named person."""

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
            if si > 0 and ELIDED_SUBJECT[f.lang].match(f.text[s:e]):
                # "A Dao was arrested on August 18, 2016. On April 28, 2017 was sentenced to 5 years": no subject of
                # its own, the subject of the previous sentence goes on
                ps = f.sents[si - 1]
                subjects = [p for p in f.persons if _within(p.start, ps) and not p.excluded and p.kind != "group"]
                if subjects:
                    for text, key, full in _expand(subjects[0])[:1]:
                        self.drafts.append(replace(o, person=text, key=key, full=full, charges=list(o.charges)))
                    continue
            if o.prison is None and o.date is None and not o.charges and not indefinite:
                continue
            if o.event_type == "appeal" and "upheld" in o.flags and si > 0:
                prev = [d for d in self.drafts if d.event_type == "sentence" and d.sent == f.sents[si - 1]]
                if prev:
                    # "Các mức án được giữ nguyên tại phiên phúc thẩm ngày ...": the sentences just listed
                    for sd in prev:
                        # the appeal of each: its trigger, date and flags, the person's own verdict details
                        self.drafts.append(
                            replace(
                                sd,
                                event_type="appeal",
                                sent=o.sent,
                                trigger=o.trigger,
                                charges=list(sd.charges),
                                date=o.date,
                                flags=o.flags,
                            )
                        )
                    continue
            nxt = [d for d in self.drafts if d.event_type == o.event_type and d.sent in f.sents[si + 1 : si + 3]]
            if nxt:
                keys = {d.key for d in nxt}
                case = CaseArticles(self)
                for d in nxt:
                    own = any(
                        x.key == d.key and x.sent == d.sent and x.event_type == d.event_type and x.date is not None
                        for x in self.drafts
                    )
                    if d.date is None and o.date is not None and not own and not case.other_case(si, d):
                        d.date = o.date  # (not when the same sentence dates that person's event itself)
                    if len(keys) == 1 and d.prison is None:
                        d.prison, d.probation = o.prison, d.probation or o.probation
                    if not d.charges and CaseArticles(self).same_case(si, o, d):
                        d.charges = o.charges
                continue
            # "sentenced a monk and two activists ... . A, B and C were arrested ...": as many persons as the
            # orphan sentence counts, in the order the next sentence names them; else the first one named
            count = group_size(f.text[s:e], f.lang, f.cues.get("group_count"), f.numbers)
            counted = count >= 2
            if (o.prison is None and not indefinite and not counted) or si + 1 >= len(f.sents):
                continue
            # the next sentence naming someone, at most two sentences on ("A noodle vendor was sentenced ... The
            # conviction is the latest ... A video of Bui Tuan Lam went viral ...")
            ns = f.sents[si + 1]
            cands = []
            for ns in f.sents[si + 1 : si + 3]:
                cands = [p for p in f.persons if _within(p.start, ns) and not p.excluded and p.kind != "group"]
                if cands:
                    break
            if not cands:
                continue
            named: list[PersonMention] = []
            for p in cands:
                if p.kind in ("name", "short", "alias") and fold(p.full or p.text) not in {
                    fold(q.full or q.text) for q in named
                }:
                    named.append(p)
            if counted and len(named) >= count:
                chosen = named[:count]
                if any(d.sent == ns and d.event_type in (o.event_type, "appeal") for d in self.drafts):
                    continue  # the next sentence tells its own verdicts ("the appeals court upheld ... for A")
            elif indefinite or (o.prison is not None and not OTHERS[f.lang].search(f.text[s:e])):
                chosen = cands[:1]  # "A court jailed a farmer for six years. X, 45, ..." (not "Others received ...")
            else:
                continue
            upheld = o.event_type == "appeal" and "upheld" in o.flags
            for person, (text, key, full) in ((c, x) for c in chosen for x in _expand(c)[:1]):
                # "the court upheld the convictions of two bloggers. A and B were sentenced in March to five and
                # three years respectively": an upheld appeal keeps each first-instance term
                first = [sd for sd in self.drafts if upheld and sd.sent == ns and sd.key == key and sd.prison]
                charges = list(o.charges) + [c for sd in first[:1] for c in sd.charges if c not in o.charges]
                d = replace(o, person=text, key=key, full=full, sent=ns, charges=charges, order=person.start)
                if first:
                    d.prison, d.probation = first[0].prison, first[0].probation
                self.drafts.append(d)


# a sentence whose verb has no subject of its own ("On April 28, 2017 was sentenced ...", "Sau đó bị khởi tố ...")
ELIDED_SUBJECT = {
    "en": re.compile(r"^\W*(?:(?:On|In|At|By|Later|Then|After)\b[^.;]{0,40}?,?\s+)?(?:was|were|has been|had been)\s"),
    "vi": re.compile(r"^\W*(?:(?:Sau đó|Ngày|Tháng|Đến|Vào)\b[^.;]{0,30}?,?\s+)?(?:bị|được)\s"),
}
# an unnamed remainder of a group ("Others received prison terms ...", "Các bị cáo còn lại ..."): no one named next
OTHERS = {
    "en": re.compile(r"^\W*(?:the\s+)?(?:others|other defendants|the rest|the remaining)\b", re.IGNORECASE),
    "vi": re.compile(r"^\W*(?:các|những)\s+(?:bị cáo|người|bị can)\s+(?:còn lại|khác)\b", re.IGNORECASE),
}

# "Other five defendants got ...", "các bị cáo còn lại": the rest of a group, anywhere in the sentence
OTHER_GROUP = re.compile(
    r"\b(?:other|remaining)\s+(?:\w+\s+)?(?:defendants|activists|members)\b|\bcác bị cáo (?:còn lại|khác)\b",
    re.IGNORECASE,
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
    - person: handled in EventOutput._conventions (event_output.py), only for events at or after the stating sentence.
    """

    def __init__(self, rules: EventDrafts) -> None:
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
        if sj is None or self._case_ends(si, sj, own_article_ends=True):
            return False
        return self._compatible(self._ym(src), src.event_type in VERDICT_TYPES, d)

    def other_case(self, si: int, d: Draft) -> bool:
        """A round-up cue or another court between sentence si and event `d`: no date is carried to it."""
        sj = self.idx.get(d.sent)
        return sj is None or self._case_ends(si, sj, own_article_ends=False)

    def _case_ends(self, si: int, sj: int, *, own_article_ends: bool) -> bool:
        """Does the case of sentence si end by sentence sj: a round-up cue, a court of another place, or (when
        asked) a sentence stating an article of its own?"""
        court = self._court(si)
        for k in range(si + 1, sj + 1):
            c2 = self._court(k)
            if self._breaks(k) or (own_article_ends and self._stated(k)) or (court and c2 and c2 != court):
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

    def _group_followers(self, sj: int, by_sent: dict[int, list[Draft]]) -> list[Draft]:
        """The verdicts told after an unnamed group's verdict in sentence sj, up to the end of the case."""
        f = self.f
        text = self._text(sj)
        unnamed = any(d.sent == f.sents[sj] and d.event_type in CARRY_TYPES for _, d in self.r.orphans)
        if not unnamed and not OTHERS[f.lang].search(text) and not OTHER_GROUP.search(text):
            return []
        out: list[Draft] = []
        for sk in range(sj + 1, len(f.sents)):
            if self._breaks(sk) or self._stated(sk):
                break
            out += [
                d
                for d in by_sent.get(sk, [])
                if d.event_type in CARRY_TYPES and not any(c.article is not None for c in d.charges)
            ]
        return out

    def _same_charge(self, by_sent: dict[int, list[Draft]]) -> None:
        f = self.f
        if self.same is None:
            return
        for sj in range(len(f.sents)):
            if not self.same.search(self._text(sj)) or self._stated(sj):
                continue
            recv = [d for d in by_sent.get(sj, []) if not any(c.article is not None for c in d.charges)]
            if not recv:
                # "Other five defendants got 7-12 years for the same charge. Accordingly, A will spend ...": an
                # unnamed group's verdict for the same charge passes it on to the verdicts told after it
                recv = self._group_followers(sj, by_sent)
            if not recv:
                continue
            if self._breaks(sj):
                continue
            for si in range(sj - 1, -1, -1):
                stated = self._stated(si)
                if stated:
                    c1, c2 = self._court(si), self._court(sj)
                    if c1 and c2 and c1 != c2:
                        break
                    # "on the same charge" names the charge whatever the date ("Last month, a court in a
                    # neighbouring province sentenced Q ... on the same charge")
                    for d in recv:
                        d.charges = d.charges + [c for c in stated if c not in d.charges]
                    break
                if self._breaks(si):
                    break
