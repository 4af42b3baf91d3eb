"""Date expressions and their resolution against the publication date.

Absolute ("March 27, 2021", "27/3/2021", "ngày 22 tháng 12 năm 2017"), partial ("ngày 27-3",
"hôm 27/3", "in March", "Sept. 28") and relative ("yesterday", "on Thursday", "last June",
"hôm qua", "tháng trước", "tháng Ba năm ngoái"). A year alone resolves to None.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from nlp.mentions import DateMention


@dataclass(frozen=True)
class Published:
    year: int
    month: int
    day: int | None

    @classmethod
    def parse(cls, value: str | None) -> Published | None:
        if not value:
            return None
        m = re.match(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", value.strip())
        if not m or not m.group(2):
            return None
        year, month = int(m.group(1)), int(m.group(2))
        day = int(m.group(3)) if m.group(3) else None
        if not _valid(year, month, None):
            return None
        return cls(year, month, day if day is not None and _valid(year, month, day) else None)


def _valid(y: int, m: int, d: int | None) -> bool:
    if not 1 <= m <= 12 or not 1900 <= y <= 2100:
        return False
    return d is None or 1 <= d <= calendar.monthrange(y, m)[1]


def reference_date(dates: list[DateMention]) -> Published | None:
    """Without a publication date, the latest full date the text states ("RSF ngày 25/01/2017 đã lên tiếng
    ... bị bắt ngày 21 tháng Giêng") is the reference that gives yearless dates their year."""
    full = [(d.year, d.month, d.day) for d in dates if d.year and d.month and d.day and _valid(d.year, d.month, d.day)]
    if not full:
        return None
    year, month, day = max(full)
    return Published(year, month, day)


def resolve(dm: DateMention, published: Published | None) -> tuple[str | None, str | None]:
    """(ISO date or None, precision or None)."""
    if dm.rel_days is not None or dm.weekday is not None:
        if published is None or published.day is None:
            return None, None
        pub = dt.date(published.year, published.month, published.day)
        if dm.rel_days is not None:
            d = pub + dt.timedelta(days=dm.rel_days)
        else:
            assert dm.weekday is not None
            d = pub - dt.timedelta(days=(pub.weekday() - dm.weekday) % 7)
        return d.isoformat(), "day"
    if dm.rel_months is not None:
        if published is None:
            return None, None
        idx = published.year * 12 + published.month - 1 + dm.rel_months
        return f"{idx // 12:04d}-{idx % 12 + 1:02d}", "month"
    if dm.month is None:
        return None, None
    year = dm.year
    if year is None:
        if published is None:
            return None, None
        year = published.year + (dm.rel_years or 0)
        if dm.future and dm.rel_years is None:
            if (dm.month, dm.day or 31) < (published.month, published.day or 1):
                year += 1  # "the trial is scheduled for January 5", published in December
        elif dm.rel_years is None:
            later = (dm.month, dm.day or 0) > (published.month, published.day or 31)
            if dm.month_only_last and dm.month >= published.month:
                later = True
            if later:
                year -= 1
    if not _valid(year, dm.month, dm.day):
        return None, None
    if dm.day is None:
        return f"{year:04d}-{dm.month:02d}", "month"
    return f"{year:04d}-{dm.month:02d}-{dm.day:02d}", "day"


def _lead(d: DateMention) -> str:
    """The words of a date mention before its first digit ("năm " of "năm 1959"), read as context."""
    m = re.match(r"\D*", d.text)
    return m.group() if m else ""


class DateFinder:
    def __init__(self, data: dict[str, Any], lang: str) -> None:
        cfg = data[lang]
        self.lang = lang
        self.months = {k.lower(): int(v) for k, v in cfg["months"].items()}
        self.weekdays = {k.lower(): int(v) for k, v in cfg["weekdays"].items()}
        self.rel_days = {k.lower(): int(v) for k, v in cfg["relative_days"].items()}
        birth = cfg.get("birth_before")
        self.birth_before = re.compile(birth) if birth else None
        self.counts = {k.lower(): int(v) for k, v in cfg.get("count_words", {}).items()}
        self.num_words = "|".join(sorted((re.escape(k) for k in self.counts), key=len, reverse=True)) or "(?!)"
        dl = cfg.get("dateline", {})
        self.dateline = (
            (re.compile(dl["before"]), re.compile(dl["after"])) if dl.get("before") and dl.get("after") else None
        )
        if lang == "en":
            names = sorted(self.months, key=len, reverse=True)
            self.mon = "(?:" + "|".join(n.capitalize() + (r"\.?" if len(n) <= 4 else "") for n in names) + ")"
            self.wd = "(?:" + "|".join(n.capitalize() for n in self.weekdays) + ")"
        else:
            names = sorted(self.months, key=len, reverse=True)
            self.mon = "(?:" + "|".join(n.capitalize() for n in names) + "|" + "|".join(names) + ")"
            self.wd = "(?:" + "|".join(sorted(self.weekdays, key=len, reverse=True)) + ")"

    def _month(self, s: str) -> int | None:
        s = s.lower().rstrip(".")
        if s.isdigit():
            return int(s)
        return self.months.get(s)

    def find(self, text: str) -> list[DateMention]:
        found = self._find_en(text) if self.lang == "en" else self._find_vi(text)
        found.sort(key=lambda d: (d.start, -(d.end - d.start)))
        out: list[DateMention] = []
        for d in found:
            if out and d.start < out[-1].end:
                continue  # overlapping: keep the longer/earlier one
            out.append(d)
        if self.dateline is not None:
            out = [d for d in out if not self._in_dateline(text, d)]
        if self.birth_before is not None:
            # "sinh năm 1959", "(SN 1964)", "born in 1982": a date of birth is never an event date
            out = [d for d in out if not self.birth_before.search(text[max(0, d.start - 20) : d.start] + _lead(d))]
        for i, d in enumerate(out):
            if d.same_year:
                # "in December of that year", "Tháng 8 cùng năm": the year named just before
                prev_year = next((p.year for p in reversed(out[:i]) if p.year is not None), None)
                if prev_year is not None:
                    d.year = prev_year
            if d.days_after is not None:
                # "Bốn ngày sau đó", "two days later", "the next day": counted from the day named just before
                prev = next((p for p in reversed(out[:i]) if p.day is not None and p.month is not None), None)
                # (a leap year stands in when the year is unknown; an impossible day such as 30/2 counts nothing)
                if prev is not None and prev.month and _valid(prev.year or 2000, prev.month, prev.day):
                    base = dt.date(prev.year or 2000, prev.month, prev.day or 1) + dt.timedelta(days=d.days_after)
                    d.year = base.year if prev.year is not None else None
                    d.month, d.day = base.month, base.day
                    d.rel_years = prev.rel_years
            if d.same_day:
                # "Ngày 10/3, ... khởi tố ... Cùng ngày, X bị bắt": the day named just before
                prev = next((p for p in reversed(out[:i]) if p.day is not None or p.rel_days is not None), None)
                if prev is not None:
                    d.year, d.month, d.day = prev.year, prev.month, prev.day
                    d.weekday, d.rel_days, d.rel_years = prev.weekday, prev.rel_days, prev.rel_years
        return out

    def _in_dateline(self, text: str, d: DateMention) -> bool:
        """A date in a dateline ("Geneva, March 3, 2024 —", "HANOI, May 3 (Reuters) -") or alone on
        its line is the date of the report, never an event date."""
        assert self.dateline is not None
        before_re, after_re = self.dateline
        if d.month is None and d.weekday is None:
            return False
        line_start = text.rfind("\n", 0, d.start) + 1
        line_end = text.find("\n", d.end)
        line_end = len(text) if line_end < 0 else line_end
        before = text[line_start : d.start]
        if not before_re.fullmatch(before):
            return False
        after = text[d.end : line_end]
        return bool(after_re.match(after)) or (
            not after.strip(" .") and d.year is not None and d.day is not None and not d.text[:1].islower()
        )

    # ------------------------------------------------------------------ English
    def _find_en(self, text: str) -> list[DateMention]:
        mon, wd = self.mon, self.wd
        out: list[DateMention] = []
        rel_year = r"(?:\s+(?P<rel>last|this|next) year)?"
        pats: list[tuple[str, str]] = [
            ("mdy", rf"\b(?P<mon>{mon})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})\b"),
            ("dmy", rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{mon}),?\s+(?P<y>\d{{4}})\b"),
            # "on 27 March", "18 November": day before month without a year (resolved against publication)
            ("dm", rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{mon})\b(?!,?\s+\d{{4}}){rel_year}"),
            ("md", rf"\b(?P<mon>{mon})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s+\d{{4}}){rel_year}"),
            ("my", rf"\b(?P<mon>{mon}),?\s+(?P<y>\d{{4}})\b"),
            (
                "m_that",
                rf"\b(?:(?:[Ii]n|[Bb]y|[Uu]ntil|[Oo]n)\s+)?(?:early |late |mid-)?(?P<mon>{mon})(?:\s+(?P<d>\d{{1,2}}))?"
                rf",?\s+(?:of\s+)?(?:that|the same) year\b",
            ),
            ("last_m", rf"\blast\s+(?P<mon>{mon})\b"),
            ("m_that", rf"\b(?:later |earlier )?that\s+(?P<mon>{mon})\b"),
            (
                "m",
                rf"\b(?:(?:[Ii]n|[Ee]arly|[Ll]ate|[Mm]id-?|[Ss]ince|[Bb]y|[Uu]ntil)\s+)(?:early |late |mid-)?"
                rf"(?P<mon>{mon})\b(?![\s.]+\d){rel_year}",
            ),
            ("iso", r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b"),
            ("num", r"(?<![\d/])(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})\b"),
            ("wd", rf"\b(?:(?:on|late|early|last)\s+)?(?P<wd>{wd})\b"),
            ("rel", r"\b(?P<rd>yesterday|today)\b"),
            ("same", r"\b(?:[Oo]n )?the same day\b"),
            (
                "later",
                rf"\b(?P<later>\d{{1,2}}|(?i:{self.num_words}))\s+days\s+later\b"
                r"|\b(?:[Oo]n\s+)?the\s+(?:next|following)\s+day\b",
            ),
            ("relm", r"\b(?P<rm>[Ll]ast|[Tt]his|[Ee]arlier this|[Nn]ext) month\b"),
            ("year", r"\b(?:in|since|by|until|during|of|from)\s+(?P<y>(?:19|20)\d{2})\b"),
        ]
        for kind, pat in pats:
            for m in re.finditer(pat, text):
                dm = DateMention(m.start(), m.end(), m.group())
                g = m.groupdict()
                if g.get("mon"):
                    dm.month = self._month(g["mon"])
                if g.get("m"):
                    dm.month = int(g["m"])
                if g.get("d"):
                    dm.day = int(g["d"])
                if g.get("y"):
                    dm.year = int(g["y"])
                if g.get("rel"):
                    dm.rel_years = {"last": -1, "this": 0, "next": 1}[g["rel"]]
                if kind == "last_m":
                    dm.month_only_last = True
                dm.same_day = kind == "same"
                if kind == "later":
                    n = (g.get("later") or "").lower()
                    dm.days_after = int(n) if n.isdigit() else self.counts.get(n, 1)
                dm.same_year = kind == "m_that"
                if g.get("wd"):
                    dm.weekday = self.weekdays[g["wd"].lower()]
                if g.get("rd"):
                    dm.rel_days = self.rel_days[g["rd"].lower()]
                if g.get("rm"):
                    dm.rel_months = {"last": -1, "next": 1}.get(g["rm"].lower(), 0)
                if kind == "year":
                    dm.month = None
                if g.get("rd") and re.search(r"\bago\s*$", text[max(0, m.start() - 12) : m.start()]):
                    continue  # "a year ago today"
                out.append(dm)
        return out

    # ------------------------------------------------------------------ Vietnamese
    def _find_vi(self, text: str) -> list[DateMention]:
        mon = self.mon
        out: list[DateMention] = []
        pre = (
            r"(?:(?:[Vv]ào |[Tt]rước đó vào |[Đđ]ến )?"
            r"(?:[Nn]gày|[Hh]ôm|[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa|[Đđ]êm|[Rr]ạng sáng)(?: ngày)?\s+)?"
        )
        wd = r"(?:(?:[Tt]hứ \w+|[Cc]hủ [Nn]hật),?\s+)?"
        pats: list[tuple[str, str]] = [
            (
                "dmy_t",
                rf"{pre}{wd}(?P<d>\d{{1,2}})\s+[Tt]háng\s+(?P<mon>\d{{1,2}}|{mon})"
                rf"(?:\s+năm\s+(?P<y>\d{{4}})|,\s*(?P<y2>\d{{4}})\b)?(?P<fut> tới đây)?"
                r"(?P<same>\s+(?:cùng năm|năm đó|năm ấy))?",
            ),
            (
                "dmy_n",
                rf"{pre}{wd}(?<![\d/.])(?P<d>\d{{1,2}})[/-](?P<m>\d{{1,2}})(?:[/-](?P<y>\d{{4}}))?(?![\d/])"
                r"(?:\s+năm\s+(?P<rel>ngoái|trước|nay)\b)?(?!\s*(?:năm(?! đó| ấy)|tháng|tuổi|giờ|người|%))"
                r"(?P<same>\s+(?:cùng năm|năm đó|năm ấy))?",
            ),
            ("my", r"\b[Tt]háng\s+(?P<m>\d{1,2})[/-](?P<y>\d{4})\b"),
            (
                "my_t",
                rf"\b[Tt]háng\s+(?P<mon>\d{{1,2}}|{mon})(?:\s+năm\s+(?P<y>\d{{4}}))?(?:\s+năm\s+(?P<rel>ngoái|trước|nay))?"
                r"(?P<same>\s+(?:cùng năm|năm đó|năm ấy))?(?!\s*(?:tù|tới|sau|qua))",
            ),
            ("relm", r"\b[Tt]háng\s+(?P<rm>trước|này|qua)\b"),
            (
                "rel",
                r"\b(?P<rd>[Hh]ôm qua|[Hh]ôm nay|(?:[Rr]ạng )?(?:[Ss]áng|[Tt]rưa|[Cc]hiều|[Tt]ối|[Đđ]êm)"
                r" (?:hôm )?(?:qua|nay))\b"
                r"(?!\s*\(?\s*(?:ngày\s+)?\d{1,2}[/-]\d)",  # "chiều nay (5/4)": the stated date
            ),
            (
                "wd",
                r"\b(?:[Hh]ôm|[Nn]gày|[Vv]ào)\s+"
                r"(?P<wd>[Tt]hứ (?:[Hh]ai|[Bb]a|[Tt]ư|[Nn]ăm|[Ss]áu|[Bb]ảy)|[Cc]hủ [Nn]hật)\b(?!\s*,?\s*\d)",
            ),
            ("year", r"\b(?:năm|[Nn]ăm)\s+(?P<y>(?:19|20)\d{2})\b"),
            ("yrel", r"\b(?:trong\s+)?năm\s+(?:ngoái|nay|trước)\b"),
            ("same", r"\b[Cc]ùng ngày\b(?!\s+\d)"),
            (
                "later",
                rf"\b(?P<later>\d{{1,2}}|(?i:{self.num_words}))\s+ngày\s+sau(?:\s+đó)?\b"
                r"|\b[Nn]gày\s+hôm\s+sau\b",
            ),
        ]
        for kind, pat in pats:
            for m in re.finditer(pat, text):
                g = m.groupdict()
                dm = DateMention(m.start(), m.end(), m.group().strip())
                if g.get("d"):
                    dm.day = int(g["d"])
                if g.get("m"):
                    dm.month = int(g["m"])
                if g.get("mon"):
                    dm.month = self._month(g["mon"])
                if g.get("y") or g.get("y2"):
                    dm.year = int(g.get("y") or g["y2"])
                if g.get("rel"):
                    dm.rel_years = {"ngoái": -1, "trước": -1, "nay": 0}[g["rel"]]
                if g.get("rm"):
                    dm.rel_months = -1 if g["rm"] in ("trước", "qua") else 0
                if g.get("rd"):
                    rd = g["rd"].lower()
                    dm.rel_days = self.rel_days.get(rd, -1 if rd.endswith("qua") else 0)  # "sáng nay", "chiều hôm qua"
                if g.get("wd"):
                    dm.weekday = self.weekdays[g["wd"].lower()]
                dm.same_day = kind == "same"
                if kind == "later":
                    n = (g.get("later") or "").lower()
                    dm.days_after = int(n) if n.isdigit() else self.counts.get(n, 1)
                dm.same_year = bool(g.get("same")) and dm.year is None
                if kind == "year" and re.search(
                    r"(?:luật|BLHS|[Hh]ình sự|sửa đổi|bổ sung)\s*$", text[max(0, m.start() - 20) : m.start()]
                ):
                    continue  # the year of a code ("Bộ luật Hình sự năm 1999")
                if kind in ("dmy_n", "dmy_t") and (
                    dm.month is None or not 1 <= dm.month <= 12 or not 1 <= (dm.day or 1) <= 31
                ):
                    continue
                out.append(dm)
        return out
