"""Plain records for what the components find in a text (char offsets into doc.text)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class PersonMention:
    start: int
    end: int
    text: str
    full: str | None = None  # full name when `text` is a short name, pen name or pronoun resolved in the doc
    kind: str = "name"  # name | short | alias | pronoun | group
    gender: str | None = None
    excluded: str | None = None  # why this mention is not an event subject (judge, lawyer, speaker, ...)
    members: list[str] = field(default_factory=list)  # for group mentions: the full names referred to

    @property
    def key(self) -> str:
        return self.full or self.text


@dataclass
class ChargeMention:
    start: int
    end: int
    text: str
    article: int | None
    code_year: int | None
    label: str = ""
    inferred: bool = False


@dataclass
class TermMention:
    start: int
    end: int
    text: str
    months: int
    kind: str = "prison"  # prison | probation
    suspended: bool = False


@dataclass
class DateMention:
    start: int
    end: int
    text: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    rel_days: int | None = None  # yesterday = -1
    rel_months: int | None = None  # last month = -1
    rel_years: int | None = None  # last year = -1
    month_only_last: bool = False  # "last June": the latest such month strictly before publication
    same_day: bool = False  # "the same day", "cùng ngày": the day of the previous dated mention
    future: bool = False  # the date of a scheduled event: without a year it lies after the publication date
    same_year: bool = False  # "in December of that year", "tháng 8 cùng năm": the year of the previous dated mention
    days_after: int | None = None  # "four days later", "bốn ngày sau đó": days after the previous dated mention


@dataclass
class Trigger:
    start: int
    end: int
    text: str
    event_type: str
    flags: tuple[str, ...] = ()
    blocked: bool = False
    reporting: bool = False  # a statement/reporting cue (competes for dates, makes no event)
