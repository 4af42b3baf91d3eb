from __future__ import annotations

import pytest

from nlp.dates import DateFinder, Published, resolve
from nlp.resources import load_json


def dates(text: str, lang: str, published: str | None) -> list[tuple[str | None, str | None]]:
    f = DateFinder(load_json("dates.json"), lang)
    pub = Published.parse(published)
    return [resolve(d, pub) for d in f.find(text)]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("arrested on March 27, 2021", None, ("2021-03-27", "day")),
        ("arrested Oct. 10, 2016", None, ("2016-10-10", "day")),
        ("sentenced in September 2012", None, ("2012-09", "month")),
        ("released yesterday", "2014-10-22", ("2014-10-21", "day")),
        ("upheld on Thursday", "2017-11-30", ("2017-11-30", "day")),
        ("On Monday, the court", "2017-11-30", ("2017-11-27", "day")),
        ("sentenced in June", "2017-11-30", ("2017-06", "month")),
        ("arrested last June", "2017-06-30", ("2016-06", "month")),
        ("arrested in September last year", "2020-07-09", ("2019-09", "month")),
        ("Last month, the court", "2017-11-30", ("2017-10", "month")),
        ("arrested on Tuesday", None, (None, None)),
        ("in 2010", "2014-01-01", (None, None)),
    ],
)
def test_english_dates(text: str, published: str | None, expected: tuple[str | None, str | None]) -> None:
    assert dates(text, "en", published) == [expected]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Ngày 27/3/2021, công an", None, ("2021-03-27", "day")),
        ("ngày 27-3, công an", "2021-04", ("2021-03-27", "day")),
        ("hôm 27/3 bị bắt", "2021-04-02", ("2021-03-27", "day")),
        ("ngày 22 tháng 12 năm 2017", None, ("2017-12-22", "day")),
        ("bị bắt tháng 12/2020", None, ("2020-12", "month")),
        ("hôm qua", "2021-04-02", ("2021-04-01", "day")),
        ("tháng trước", "2021-04-02", ("2021-03", "month")),
        ("từ tháng Ba năm ngoái", "2011-03", ("2010-03", "month")),
        ("ngày 20/12 bị bắt", "2021-01-05", ("2020-12-20", "day")),
        ("trong năm ngoái", "2021-01-05", (None, None)),
    ],
)
def test_vietnamese_dates(text: str, published: str | None, expected: tuple[str | None, str | None]) -> None:
    assert dates(text, "vi", published) == [expected]


def test_non_dates_are_ignored() -> None:
    assert dates("(36-40 tuổi)", "vi", "2021-04") == []
    assert dates("quyết định số 1535/QĐ-CTN", "vi", "2021-04") == []
    assert dates("theo Bộ luật Hình sự năm 1999", "vi", "2021-04") == []
