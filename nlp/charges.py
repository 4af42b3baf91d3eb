"""Charges: article numbers ("Article 117", "Articles 88 and 79", "khoản 1 Điều 331", "Điều 117
Bộ luật Hình sự") and charge names without numbers, mapped through the charge table
(nlp/data/charges.json) to article + code year.

Code year: stated in the text ("2015 Penal Code", "BLHS 1999") or implied by the numbering
(88/79/258 -> 1999; 117/331/109 -> 2015). A successor given only as an equivalent ("nay là Điều
117") is dropped. A charge name that is the exact official title of Art. 117 (2015), or of Art. 331
for cases from 2018 on, yields the inferred article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from nlp.mentions import ChargeMention

ARTICLE_RE = {
    "en": re.compile(
        r"\b(?:Articles?|Art\.|Arts\.|article)\s*(?P<n>\d{1,3})(?P<more>(?:\s*(?:,|and|&|or)\s*(?:Article\s*)?\d{1,3}\b)*)"
    ),
    "vi": re.compile(
        r"(?:[Kk]hoản\s*\d+\s*,?\s*)?\b[Đđ]iều\s+(?:[Đđ]iều\s+)?(?P<n>\d{1,3})"
        r"(?P<more>(?:\s*(?:,|và|hoặc)\s*(?:[Đđ]iều\s+)?\d{1,3}\b)*)"
    ),
}
CODE_RE = re.compile(r"(?:Bộ\s+[Ll]uật\s+[Hh]ình\s+[Ss]ự|BLHS|Penal Code|Criminal Code|criminal code|penal code)")
EQUIV_RE = re.compile(
    r"(?:nay là|tương ứng(?: với)?|now|equivalent to|replaced by|tức là|sau này là|formerly|trước đây là)"
    r"\s*(?:Điều|điều|Article)?\s*$",
    re.IGNORECASE,
)
_PUNCT = re.compile(r"[^\w\s]", re.UNICODE)


def _norm(s: str) -> str:
    return " ".join(_PUNCT.sub(" ", s.lower()).split())


@dataclass
class ArticleInfo:
    article: int
    code_year: int
    title_vi: str
    names: list[str]
    infer_exact: bool
    infer_since: str | None


class ChargeTable:
    def __init__(self, data: dict[str, Any]) -> None:
        self.articles: list[ArticleInfo] = []
        for a in data["articles"]:
            self.articles.append(
                ArticleInfo(
                    article=int(a["article"]),
                    code_year=int(a["code_year"]),
                    title_vi=a["official_title_vi"],
                    names=list(a["names_en"]) + list(a["names_vi"]),
                    infer_exact=bool(a.get("infer_from_exact_title")),
                    infer_since=a.get("infer_from_date"),
                )
            )
        self.years_by_number: dict[int, set[int]] = {}
        for info in self.articles:
            self.years_by_number.setdefault(info.article, set()).add(info.code_year)
        self.code_years = sorted(int(y) for y in data["codes"])

    def code_year_for(self, number: int) -> int | None:
        years = self.years_by_number.get(number)
        return next(iter(years)) if years and len(years) == 1 else None

    def known(self, number: int) -> bool:
        return number in self.years_by_number


class ChargeFinder:
    def __init__(self, table: ChargeTable, lang: str) -> None:
        self.table = table
        self.lang = lang
        names: list[tuple[str, ArticleInfo]] = []
        for info in table.articles:
            for n in info.names:
                names.append((_norm(re.sub(r"^[Tt]ội\s+", "", n)), info))
        names.sort(key=lambda x: len(x[0]), reverse=True)
        self.names = names

    def find(self, text: str, published_year: int | None = None) -> list[ChargeMention]:
        out = self._numbers(text)
        out.extend(self._names(text, out, published_year))
        out.sort(key=lambda c: c.start)
        return out

    def _numbers(self, text: str) -> list[ChargeMention]:
        out: list[ChargeMention] = []
        for m in ARTICLE_RE[self.lang].finditer(text):
            before = text[max(0, m.start() - 30) : m.start()]
            if EQUIV_RE.search(before):
                continue
            nums = [int(m.group("n"))] + [int(x) for x in re.findall(r"\d{1,3}", m.group("more") or "")]
            sent_end = re.search(r"[.;\n](?:\s|$)", text[m.end() :])
            window = text[m.end() : m.end() + (sent_end.start() if sent_end else 120)][:120]
            back = text[max(0, m.start() - 60) : m.start()]
            has_code = bool(CODE_RE.search(window)) or bool(CODE_RE.search(back[-30:]))
            year = None
            ym = re.search(r"(?:(?:năm|CSVN|BLHS)\s*)?\b(1999|2015)\b", window[:80])
            if ym and CODE_RE.search(window[:80]):
                year = int(ym.group(1))
            else:
                yb = re.search(r"\b(1999|2015)\s+(?:Penal|Criminal)\s+Code\b", window[:80])
                if yb:
                    year = int(yb.group(1))
            for n in nums:
                if not (has_code or self.table.known(n)):
                    continue
                cy = year if year is not None else self.table.code_year_for(n)
                out.append(ChargeMention(m.start(), m.end(), m.group(), n, cy))
        return out

    def _names(self, text: str, numbered: list[ChargeMention], published_year: int | None) -> list[ChargeMention]:
        out: list[ChargeMention] = []
        low = text.lower()
        # map normalized text back to original offsets
        chars: list[int] = []
        norm_chars: list[str] = []
        prev_space = True
        for i, ch in enumerate(low):
            c = ch if (ch.isalnum() or ch == "_") else " "
            if c == " ":
                if prev_space:
                    continue
                prev_space = True
            else:
                prev_space = False
            norm_chars.append(c)
            chars.append(i)
        norm = "".join(norm_chars)
        taken: list[tuple[int, int]] = []
        for name, info in self.names:
            if len(name) < 8:
                continue
            for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", norm):
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue
                taken.append((m.start(), m.end()))
                start = chars[m.start()]
                end = chars[m.end() - 1] + 1
                exact = name == _norm(re.sub(r"^[Tt]ội\s+", "", info.title_vi))
                article = None
                code_year = None
                inferred = False
                date_ok = info.infer_since is None or (
                    published_year is not None and published_year >= int(info.infer_since[:4])
                )
                if info.infer_exact and exact and date_ok:
                    article, code_year, inferred = info.article, info.code_year, True
                out.append(
                    ChargeMention(
                        start, end, text[start:end], article, code_year, label=text[start:end], inferred=inferred
                    )
                )
        # an official 117 title quoted without the comma-separated items still counts ("thông tin tài liệu")
        return out
