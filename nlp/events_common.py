"""Shared pieces of event assembly: the record of what the components found (Found), a draft event
(Draft), clause and person helpers, cue patterns, and merging of charge mentions."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from nlp.dates import Published
from nlp.mentions import ChargeMention, DateMention, PersonMention, Trigger
from nlp.terms import FoundTerm
from presswatch.ids import fold
from presswatch.models import Charge

TERM_TYPES = ("sentence", "appeal")
INDEFINITE = {
    "en": re.compile(
        r"\ba(?:n)? (?:[\w-]+ ){0,3}(?:blogger|activist|journalist|dissident|christian|man|woman|lawyer|pastor|monk|"
        r"writer|user|poet|reporter|teacher|farmer|facebooker|critic|student|musician|priest)\b",
        re.IGNORECASE,
    ),
    "vi": re.compile(
        r"\bmột (?:[\w]+ ){0,2}?"
        r"(?:người|nhà báo|blogger|nhà hoạt động|facebooker|luật sư|mục sư|nhà sư|phụ nữ|thanh niên)\b",
        re.IGNORECASE,
    ),
}
ALSO = {
    "en": re.compile(r"\b(?:also|likewise|too)\b", re.IGNORECASE),
    "vi": re.compile(r"\bcũng\b", re.IGNORECASE),
}
# a sentence about "the case" as a whole: its article applies to every person's case in the passage
CASE_NOUN = {
    "en": re.compile(r"\b(?:the|this|their) (?:case|cases|trial)\b", re.IGNORECASE),
    "vi": re.compile(r"\bvụ án\b(?! khác)", re.IGNORECASE),
}
FIRST_INSTANCE = re.compile(
    r"sơ thẩm|trước đó|first[- ]instance|initially|earlier|previously|lower court", re.IGNORECASE
)
# trigger types that may share one date when coordinated ("arrested ... and charged"): (earlier, later)
SHARE_DATE_PAIRS = {
    ("arrest", "charge"),
    ("charge", "arrest"),
    ("arrest", "arrest"),
    ("charge", "charge"),
    ("sentence", "sentence"),
    ("appeal", "appeal"),
    ("release", "release"),
}
# a life or death sentence right after a trigger that needs a term ("given life in prison", "nhận án tử hình")
LIFE_OR_DEATH = {
    "en": re.compile(
        r"^\W*(?:a |the )?(?:life(?: imprisonment| in prison| sentence| term)|death(?: penalty| sentence)?|to death)\b",
        re.IGNORECASE,
    ),
    "vi": re.compile(r"^\W*(?:mức )?(?:án )?(?:tù )?(?:chung thân|tử hình)", re.IGNORECASE),
}
# an event without a date takes the date of these events in the directly preceding sentence
PROCEEDING = {"sentence": ("trial", "sentence"), "trial": ("trial",), "appeal": ("appeal",)}
COORDINATION = re.compile(r"\b(?:and|và|cùng|đồng thời)\b", re.IGNORECASE)
LATER = re.compile(
    r"\b(?:later|then|subsequently|afterwards|after|before|until|since|sau đó|rồi|sau khi|trước khi|đến khi|từ khi)\b",
    re.IGNORECASE,
)


def group_size(text: str, lang: str, cue: re.Pattern[str] | None, numbers: dict[str, int]) -> int:
    """How many persons a sentence without a named person speaks of: "an ethnic Khmer monk and two activists"
    = 3, "four members of the group" = 4 (0 when it counts nobody)."""
    count = len(INDEFINITE[lang].findall(text))
    if cue is not None:
        for m in cue.finditer(text):
            n = m.group("n").lower()
            count += int(n) if n.isdigit() else numbers.get(n, 0)
    return count


def _specificity(d: DateMention) -> int:
    """0 for a date with a day or month (or a relative one), 1 for a year alone: a trigger prefers 0."""
    if d.month is not None or d.day is not None or d.weekday is not None:
        return 0
    if d.rel_days is not None or d.rel_months is not None or d.same_day:
        return 0
    return 1


# Linker(text, trigger, persons in clause) -> persons linked (parse-based for English)
Linker = Callable[[Trigger, list[PersonMention]], list[PersonMention]]
# DateHead(start, end) -> ("trigger", trigger) | ("foreign", None) | ("none", None)  (parse-based for English)
DateHead = Callable[[int, int], tuple[str, Trigger | None]]


@dataclass
class Found:
    """Everything the components found in one document."""

    text: str
    lang: str
    sents: list[tuple[int, int]]
    persons: list[PersonMention]
    charges: list[ChargeMention]
    terms: list[FoundTerm]
    dates: list[DateMention]
    triggers: list[Trigger]
    published: Published | None = None
    linker: Linker | None = None
    date_head: DateHead | None = None
    cues: dict[str, re.Pattern[str]] = field(default_factory=dict)  # triggers.json passage_cues (this language)
    numbers: dict[str, int] = field(default_factory=dict)  # numbers.json number words (this language)


@dataclass
class Draft:
    person: str  # mention as written
    key: str  # folded full name
    full: str | None
    event_type: str
    sent: tuple[int, int]
    trigger: Trigger | None
    charges: list[ChargeMention] = field(default_factory=list)
    prison: int | None = None
    probation: int | None = None
    suspended: bool = False
    date: DateMention | None = None
    flags: tuple[str, ...] = ()
    order: int = 0


def _clauses(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """The clauses of a sentence: split at semicolons outside brackets ("X (SN 1996; ngụ quận 10) 10 năm tù"
    is one clause)."""
    out = []
    start = s
    depth = 0
    for i in range(s, e):
        ch = text[i]
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif ch == ";" and depth == 0:
            out.append((start, i + 1))
            start = i + 1
    out.append((start, e))
    return out


def _within(x: int, span: tuple[int, int]) -> bool:
    return span[0] <= x < span[1]


def _expand(p: PersonMention) -> list[tuple[str, str, str | None]]:
    """(mention text, key, full) for a person mention, groups expanded into members."""
    if p.kind == "group":
        return [(m, fold(m), None) for m in p.members]
    if p.kind == "pronoun":
        return [(p.full, fold(p.full), None)] if p.full else []
    full = p.full if p.full and fold(p.full) != fold(p.text) else None
    return [(p.text, fold(full or p.text), full)]


def merge_charges(mentions: list[ChargeMention]) -> list[Charge]:
    """One Charge per article number (an article named twice, once with its code year and once
    without, is one charge: keep the year and the label); charges named without a number are kept
    once per label."""
    by_article: dict[int, Charge] = {}
    out: list[Charge] = []
    labels: set[str] = set()
    for c in mentions:
        if c.article is None:
            key = fold(c.label)
            if key and key not in labels:
                labels.add(key)
                out.append(Charge(article=None, code_year=c.code_year, label=c.label))
            continue
        known = by_article.get(c.article)
        if known is None:
            known = by_article[c.article] = Charge(
                article=c.article, code_year=c.code_year, label=c.label, inferred=c.inferred
            )
            out.append(known)
            continue
        known.code_year = known.code_year or c.code_year
        known.label = known.label or c.label
        known.inferred = known.inferred and c.inferred  # stated anywhere -> not inferred
    return out


class EventDrafts:
    """What the event rules (the mixins of EventBuilder) work on: the findings, the drafted events and the
    drafts of triggers without a named person."""

    f: Found
    drafts: list[Draft]
    orphans: list[tuple[int, Draft]]

    _pending_terms: list[tuple[PersonMention, FoundTerm]]
    _merged_into: dict[int, Draft]
    _case_charges: list[tuple[set[str] | None, list[ChargeMention]]]  # (person keys or every person, articles)
