"""Prison and probation terms in months: "eight years", "six and a half years", "half a decade",
"3 năm 6 tháng", "6 năm rưỡi", "15 năm tù", "5 năm quản chế", "18 tháng tù", "12-year sentence".

Statutory ranges, prosecutors' demands, combined totals, ages, time served and pre-trial
detention are marked excluded and never become terms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from nlp.mentions import TermMention

EXCLUDE_WINDOW = {
    "en": re.compile(
        r"\b(?:sought|seeking|demanded|requested|proposed|recommended|punishable|up to|maximum|faces?|facing|"
        r"total(?:ling|ing)?|combined|between|ranging|range of|could|can be|may be|might|would)\b",
        re.IGNORECASE,
    ),
    "vi": re.compile(
        r"(?:đề nghị|đề xuất|khung hình phạt|khung|tổng cộng|tổng mức án|mức án từ|có thể|lên đến|lên tới|tối đa|"
        r"đối mặt|từ \d+ đến|tổng)",
        re.IGNORECASE,
    ),
}


TOTAL = {
    "en": re.compile(r"\b(?:combined|total(?:ling|ing)?|in total|altogether|aggregate)\b", re.IGNORECASE),
    "vi": re.compile(r"(?:tổng cộng|tổng mức án|\btổng\b)", re.IGNORECASE),
}
# a reduction "from A to B": B is the term that results
REDUCED_TO = {
    "en": re.compile(
        r"\b(?:cut|cuts|reduc\w*|commut\w*|shorten\w*|lower\w*|trimm?\w*)\b[^.;]{0,60}\bfrom\b[^.;]{0,30}?\bto\s*$",
        re.IGNORECASE,
    ),
    "vi": re.compile(r"\bgiảm\b[^.;]{0,60}\btừ\b[^.;]{0,30}?\b(?:xuống(?: còn)?|còn)\s*$", re.IGNORECASE),
}


# the elided unit of a gapped verdict: ", Bao four", " and his son Tran Van Duc three."
GAPPED_EN = re.compile(
    r"(?:\s+(?:in prison|of imprisonment|in jail))?\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:(?:his|her|their)\s+[a-z-]+\s+)?"
    r"(?:[A-Z][\w'’.-]*\s*){1,4}?(?:[-–:]\s*|\s+)(?:for\s+)?"
    r"(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|twenty)"
    r"\b(?=\s*(?:[.;,]|and\b|$))"
)
# "..., reduced to five on appeal", "cut to three": a number without its unit after a stated term
REDUCED_EN = re.compile(
    r"[^.;]{0,60}?\b(?:reduced|cut|commuted|lowered)\s+(?:\w+\s+){0,2}?to\s+(?P<n>\d{1,2}|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|twenty)\b(?!\s*(?:-|\s)?(?:years?|months?|%))"
)


@dataclass
class TermRules:
    lang: str
    numbers: dict[str, int]
    duration: re.Pattern[str]
    adjectival: re.Pattern[str] | None
    probation_post: re.Pattern[str]
    probation_pre: re.Pattern[str]
    prison_post: re.Pattern[str]
    prison_pre: re.Pattern[str]
    suspended_post: re.Pattern[str]
    suspended_pre: re.Pattern[str] | None
    exclude_pre: re.Pattern[str]
    exclude_post: re.Pattern[str]
    owner_after: re.Pattern[str] | None = None
    number_list: re.Pattern[str] | None = None

    @classmethod
    def from_data(cls, terms: dict[str, Any], numbers: dict[str, Any], lang: str) -> TermRules:
        cfg = terms[lang]
        nums = {k.lower(): int(v) for k, v in numbers[lang].items()}
        words = "|".join(sorted((re.escape(k) for k in nums), key=len, reverse=True))
        num = rf"(?:\d+(?:[.,]5|½)?|{words})"
        flags = re.IGNORECASE
        if lang == "en":
            duration = re.compile(
                rf"\b(?:(?P<half>half) an? decade|(?P<dec>{num}|a) decades?|"
                rf"(?P<y>{num})(?P<yh>[- ]and[- ](?:a[- ])?half)?(?: more| additional| further)?[- ]years?"
                rf"(?:(?: and |-)(?P<ym>{num})[- ]months?)?|"
                rf"(?P<m>{num})(?: more| additional| further)?[- ]months?)\b",
                flags,
            )
            adjectival = re.compile(
                rf"\b(?P<n>{num})-(?P<u>year|month)(?:[- ]and[- ](?P<n2>{num})-month)?"
                r"(?=[- ](?:prison|jail|term|sentence|imprisonment))",
                flags,
            )
        else:
            duration = re.compile(
                rf"(?<![\w/.-])(?:(?P<y>{num})\s+năm(?:\s+(?P<yh>rưỡi))?(?:\s+(?P<ym>{num})\s+tháng)?|(?P<m>{num})\s+tháng)(?!\w)",
                flags,
            )
            adjectival = None
        sp = cfg.get("suspended_pre") or ""
        # "14, 10 and 9 years", "15, 11 và 11 năm tù": one unit shared by a list of numbers
        lw = "|".join(sorted((re.escape(k) for k in nums if k not in ("a", "an")), key=len, reverse=True))
        # Vietnamese lists take digits only: "năm", "tư" are also words ("12 năm, 8 năm")
        ln = rf"(?:\d+(?:[.,]5)?|{lw})" if lang == "en" else r"\d+(?:[.,]5)?"
        if lang == "en":
            number_list = re.compile(
                rf"\b(?P<list>{ln}(?:\s*,\s*{ln})*\s*,?\s+and\s+{ln})[- ](?P<u>year|month)s?\b", flags
            )
        else:
            number_list = re.compile(
                rf"(?<![\w/.-])(?P<list>{ln}(?:\s*,\s+{ln})*(?:\s*,?\s+và\s+{ln}|\s*,\s+{ln}))\s+(?P<u>năm|tháng)(?!\w)",
                flags,
            )
        return cls(
            lang=lang,
            numbers=nums,
            duration=duration,
            adjectival=adjectival,
            probation_post=re.compile(cfg["probation_post"], flags),
            probation_pre=re.compile(cfg["probation_pre"], flags),
            prison_post=re.compile(cfg["prison_post"], flags),
            prison_pre=re.compile(cfg["prison_pre"], flags),
            suspended_post=re.compile(cfg["suspended_post"], flags),
            suspended_pre=re.compile(sp, flags) if sp else None,
            exclude_pre=re.compile(cfg["exclude_pre"], flags),
            exclude_post=re.compile(cfg["exclude_post"], flags),
            owner_after=re.compile(cfg["owner_after"]) if cfg.get("owner_after") else None,  # case matters: names
            number_list=number_list,
        )

    def value(self, token: str | None) -> float | None:
        if token is None:
            return None
        t = token.lower().strip()
        if re.fullmatch(r"\d+(?:[.,]5)?", t):
            return float(t.replace(",", "."))
        if re.fullmatch(r"\d+½", t):
            return float(t[:-1]) + 0.5  # "6½ years"
        return float(self.numbers[t]) if t in self.numbers else None


@dataclass
class FoundTerm:
    mention: TermMention
    kind: str  # prison | probation | bare
    excluded: str | None = None
    owner_after: int | None = None  # where the term's owner is named after it ("... đối với B", "imposed on B")
    group: int | None = None  # position of a list of terms sharing one unit ("14, 10 and 9 years"): its start


def _clause_before(text: str, start: int, width: int = 60) -> str:
    seg = text[max(0, start - width) : start]
    return re.split(r"[.;!?\n]", seg)[-1]


class TermFinder:
    def __init__(self, rules: TermRules) -> None:
        self.r = rules

    def find(self, text: str) -> list[FoundTerm]:
        r = self.r
        found: list[FoundTerm] = []
        spans: list[tuple[int, int]] = []
        lists = self._number_lists(text, found)
        for m in r.duration.finditer(text):
            if any(s <= m.start() < e for s, e in lists):
                continue
            months = self._months(m)
            if months is None or months <= 0 or months > 12 * 40:
                continue
            split = self._respective_split(text, m)
            if split is not None:
                # "two years and 18 months respectively": two terms, one per person, not 42 months
                (a, b, first), (c, d, second) = split
                found.append(self._classify(text, a, b, first))
                found.append(self._classify(text, c, d, second))
                spans.append((m.start(), m.end()))
                continue
            found.append(self._classify(text, m.start(), m.end(), months))
            spans.append((m.start(), m.end()))
        if r.adjectival is not None:
            for m in r.adjectival.finditer(text):
                if any(s <= m.start() < e for s, e in spans):
                    continue
                n = r.value(m.group("n"))
                if n is None:
                    continue
                months = int(round(n * (12 if m.group("u").lower() == "year" else 1)))
                months += int(r.value(m.group("n2")) or 0)  # "a five-year and six-month prison term"
                found.append(self._classify(text, m.start(), m.end(), months, adjectival=True))
        if r.lang == "en":
            # elided unit: "An will serve three."
            for m in re.finditer(r"\bwill serve (\w+)(?=\s*[.;,])", text):
                n = r.value(m.group(1))
                if n is not None:
                    t = TermMention(m.start(1), m.end(1), m.group(1), int(n * 12))
                    found.append(FoundTerm(t, "prison"))
            found.extend(self._gapped(text, found))
        found.sort(key=lambda f: f.mention.start)
        self._propagate_exclusion(text, found)
        return found

    def _respective_split(
        self, text: str, m: re.Match[str]
    ) -> tuple[tuple[int, int, int], tuple[int, int, int]] | None:
        """ "A and B were sentenced to two years and 18 months respectively", "A và B lần lượt 2 năm và 18
        tháng tù": years and months joined by and/và before a respectively cue are two persons' terms."""
        g = m.groupdict()
        if not g.get("y") or not g.get("ym") or g.get("yh"):
            return None
        joiner = re.search(r"\s*,?\s+(?:and|và)\s+$", text[m.start() : m.start("ym")], re.IGNORECASE)
        if joiner is None:
            return None
        if self.r.lang == "en":
            cue = re.match(r"[^.;]{0,40}?\brespectively\b", text[m.end() : m.end() + 60], re.IGNORECASE)
        else:
            cue = re.search(r"\b(?:lần lượt|tương ứng)\b[^.;]{0,40}$", _clause_before(text, m.start(), 80), re.I)
        if cue is None:
            return None
        y, extra = self.r.value(g["y"]), self.r.value(g["ym"])
        if y is None or extra is None:
            return None
        cut = m.start() + joiner.start()
        return (m.start(), cut, int(round(y * 12))), (m.start("ym"), m.end(), int(round(extra)))

    def _gapped(self, text: str, found: list[FoundTerm]) -> list[FoundTerm]:
        """ "Hien got six years, Bao four", "X received seven years, Y five and Z three": a number right after a
        name that follows a stated term of the same sentence keeps that term's unit."""
        r = self.r
        out: list[FoundTerm] = []
        for ft in sorted(found, key=lambda f: f.mention.start):
            if ft.excluded is not None or ft.mention.kind != "prison":
                continue
            unit = 1 if re.search(r"(?i)month", ft.mention.text) else 12
            pos = ft.mention.end
            while True:
                m = GAPPED_EN.match(text, pos)
                if m is None:
                    break
                n = r.value(m.group("n"))
                if n is None:
                    break
                t = TermMention(m.start("n"), m.end("n"), m.group("n"), int(round(n * unit)))
                out.append(FoundTerm(t, ft.kind))
                pos = m.end("n")
            # "jailed for eight years in January 2011, reduced to five on appeal": the new term keeps the unit
            rm = REDUCED_EN.match(text, ft.mention.end)
            if rm is not None and (n := r.value(rm.group("n"))) is not None:
                t = TermMention(rm.start("n"), rm.end("n"), rm.group("n"), int(round(n * unit)))
                out.append(FoundTerm(t, "prison"))
        return out

    def _number_lists(self, text: str, found: list[FoundTerm]) -> list[tuple[int, int]]:
        """ "sentenced to 14, 10 and 9 years respectively", "lần lượt 15, 11 và 11 năm tù": one term per number,
        classified once for the whole list (a range "between 8 and 12 years" stays excluded)."""
        r = self.r
        spans: list[tuple[int, int]] = []
        if r.number_list is None:
            return spans
        for m in r.number_list.finditer(text):
            nums = list(re.finditer(r"\d+(?:[.,]5)?|[^\W\d_]+(?:-[^\W\d_]+)?", m.group("list")))
            nums = [x for x in nums if x.group().lower() not in ("and", "và")]
            values = [r.value(x.group()) for x in nums]
            if len(values) < 2 or any(v is None for v in values):
                continue
            unit = 12 if m.group("u").lower() in ("year", "năm") else 1
            whole = self._classify(text, m.start(), m.end(), int(round((values[-1] or 0) * unit)))
            if whole.excluded is None and re.search(r"\b(?:to|or|-|–|đến|tới)\s*$", text[m.start() : m.end()]):
                continue
            for x, v in zip(nums, values, strict=True):
                a, b = m.start("list") + x.start(), m.start("list") + x.end()
                if x is nums[-1]:
                    b = m.end()
                t = TermMention(a, b, text[a:b], int(round((v or 0) * unit)), kind=whole.mention.kind)
                t.suspended = whole.mention.suspended
                found.append(FoundTerm(t, whole.kind, whole.excluded, whole.owner_after, group=m.start()))
            spans.append((m.start(), m.end()))
        return spans

    def _months(self, m: re.Match[str]) -> int | None:
        r = self.r
        g = m.groupdict()
        if g.get("half"):
            return 60
        if g.get("dec"):
            v = r.value(g["dec"]) if g["dec"].lower() != "a" else 1.0
            return None if v is None else int(v * 120)
        if g.get("y"):
            y = r.value(g["y"])
            if y is None:
                return None
            months = y * 12
            if g.get("yh"):
                months += 6
            if g.get("ym"):
                extra = r.value(g["ym"])
                months += extra or 0
            return int(round(months))
        if g.get("m"):
            v = r.value(g["m"])
            return None if v is None else int(v)
        return None

    def _classify(self, text: str, start: int, end: int, months: int, adjectival: bool = False) -> FoundTerm:
        r = self.r
        pre = _clause_before(text, start)
        post = text[end : end + 60]
        t = TermMention(start, end, text[start:end], months)
        excluded = None
        if r.exclude_pre.search(pre) and not re.search(r"(?:cut|reduced)(?: \w+){0,4} to\s*$", pre, re.IGNORECASE):
            excluded = "pre"
        elif r.exclude_post.search(post) and not (
            r.probation_pre.search(pre) and re.match(r"\s*(?:sau đó|afterwards|thereafter)\b", post, re.IGNORECASE)
        ):
            excluded = "post"  # ("quản chế 5 năm sau đó": a probation served afterwards, not "five years later")
        elif EXCLUDE_WINDOW[r.lang].search(pre[-50:]):
            excluded = "window"
        if r.lang == "en" and re.search(r"\bfrom\s*$", pre, re.IGNORECASE):
            excluded = "from"
        if excluded is not None and TOTAL[r.lang].search(pre[-40:]):
            excluded = "total"  # "a combined 22 years", "tổng cộng 30 năm tù": never a term, never an event
        if excluded is not None and REDUCED_TO[r.lang].search(_clause_before(text, start, 140)):
            excluded = None  # "cut his sentence from eight to four years": the resulting term
        kind = "bare"
        if r.probation_post.search(post) or r.probation_pre.search(pre):
            kind = "probation"
        elif adjectival or r.prison_post.search(post) or r.prison_pre.search(pre):
            kind = "prison"
        if r.suspended_post.search(post) or (r.suspended_pre is not None and r.suspended_pre.search(pre)):
            t.suspended = True
        t.kind = "probation" if kind == "probation" else "prison"
        owner_after = None
        if r.owner_after is not None:
            om = r.owner_after.match(text[end : end + 120])
            owner_after = end + om.end() if om else None
        return FoundTerm(t, kind, excluded, owner_after)

    def _propagate_exclusion(self, text: str, found: list[FoundTerm]) -> None:
        """ "a combined total 31 years in prison and six years of probation": both excluded."""
        for a, b in zip(found, found[1:], strict=False):
            if a.excluded in ("window", "pre", "total") and not b.excluded:
                gap = text[a.mention.end : b.mention.start]
                if re.fullmatch(
                    r"\W*(?:in (?:prison|jail)|of (?:imprisonment|prison)|behind bars|tù(?: giam)?)?\W*(?:and|và|,)\W*",
                    gap,
                ):
                    b.excluded = "total" if a.excluded == "total" else "coordinated"
