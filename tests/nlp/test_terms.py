from __future__ import annotations

import pytest

from nlp.resources import load_json
from nlp.terms import TermFinder, TermRules


def terms(text: str, lang: str) -> list[tuple[int, str, bool]]:
    f = TermFinder(TermRules.from_data(load_json("terms.json"), load_json("numbers.json"), lang))
    return [(t.mention.months, t.mention.kind, t.mention.suspended) for t in f.find(text) if not t.excluded]


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("sentenced to eight years in prison", 96),
        ("sentenced to six and a half years in prison", 78),
        ("jailed for two-and-a-half years", 30),
        ("sentenced to half a decade behind bars", 60),
        ("handed a 12-year prison sentence", 144),
        ("received 18 months in jail", 18),
    ],
)
def test_english_prison_terms(text: str, months: int) -> None:
    assert terms(text, "en") == [(months, "prison", False)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mức án 3 năm 6 tháng tù", [(42, "prison", False)]),
        ("bị phạt 6 năm rưỡi tù", [(78, "prison", False)]),
        ("tuyên phạt 15 năm tù", [(180, "prison", False)]),
        ("18 tháng tù", [(18, "prison", False)]),
        ("7 năm tù giam và 5 năm quản chế", [(84, "prison", False), (60, "probation", False)]),
        ("hai năm sáu tháng tù giam", [(30, "prison", False)]),
    ],
)
def test_vietnamese_terms(text: str, expected: list[tuple[int, str, bool]]) -> None:
    assert terms(text, "vi") == expected


def test_probation_and_house_arrest() -> None:
    assert terms("10 years in prison followed by three years of probation", "en") == [
        (120, "prison", False),
        (36, "probation", False),
    ]
    assert terms("four years' imprisonment and two years' house arrest", "en") == [
        (48, "prison", False),
        (24, "probation", False),
    ]


def test_suspended_sentences_are_marked() -> None:
    assert terms("a two-year suspended sentence", "en") == [(24, "prison", True)]
    assert terms("3 năm tù nhưng cho hưởng án treo", "vi") == [(36, "prison", True)]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("a crime punishable by up to 20 years in jail", "en"),
        ("he faces up to 20 years in prison", "en"),
        ("prosecutors sought nine years in prison", "en"),
        ("a combined total of 31 years in prison", "en"),
        ("the 22-year-old blogger", "en"),
        ("having served four years", "en"),
        ("between three and five years under house arrest", "en"),
        ("Viện kiểm sát đề nghị mức án 7-8 năm tù", "vi"),
        ("khung hình phạt từ 12 đến 20 năm tù", "vi"),
        ("bắt tạm giam 4 tháng", "vi"),
        ("ngày 26 tháng 8 năm 2014", "vi"),
    ],
)
def test_non_sentences_are_excluded(text: str, lang: str) -> None:
    assert terms(text, lang) == []
