"""What a test compares: the extractor's events as sorted rows."""

from __future__ import annotations

from nlp.extract import Extractor


def full_rows(extractor: Extractor, text: str, lang: str, published: str | None) -> list[tuple]:
    """(person, type, prison months, probation months, date) of each event, sorted."""
    return sorted(
        (e.person, e.event_type, e.prison_months, e.probation_months, e.date)
        for e in extractor.extract(text, lang, published)
    )


def type_rows(extractor: Extractor, text: str, lang: str, published: str | None) -> list[tuple]:
    """(person, type) of each event, sorted."""
    return sorted((e.person, e.event_type) for e in extractor.extract(text, lang, published))
