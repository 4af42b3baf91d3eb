from __future__ import annotations

from nlp.charges import ChargeFinder, ChargeTable
from nlp.resources import load_json


def find(text: str, lang: str, year: int | None = 2021) -> list[tuple[int | None, int | None, bool]]:
    f = ChargeFinder(ChargeTable(load_json("charges.json")), lang)
    return [(c.article, c.code_year, c.inferred) for c in f.find(text, year)]


def test_english_article_numbers_and_code_years() -> None:
    assert find("charged under Article 117 of the Criminal Code", "en") == [(117, 2015, False)]
    assert find("convicted under Articles 88 and 79", "en") == [(88, 1999, False), (79, 1999, False)]
    assert find("under Article 330 of the country's 2015 Penal Code", "en") == [(330, 2015, False)]


def test_vietnamese_article_with_clause() -> None:
    assert find("theo khoản 1 Điều 331 Bộ luật Hình sự", "vi") == [(331, 2015, False)]
    assert find("quy định tại khoản 1, điều 88 bộ luật hình sự", "vi") == [(88, 1999, False)]


def test_successor_given_only_as_equivalent_is_dropped() -> None:
    assert find("theo Điều 88 BLHS 1999, nay là Điều 117", "vi") == [(88, 1999, False)]


def test_durations_are_not_articles() -> None:
    assert find("incarcerated for a total of 88 years", "en") == []


def test_exact_official_title_of_117_is_inferred() -> None:
    got = find(
        "về tội “Làm, tàng trữ, phát tán hoặc tuyên truyền thông tin, tài liệu, vật phẩm nhằm chống Nhà nước "
        "Cộng hòa xã hội chủ nghĩa Việt Nam”",
        "vi",
    )
    assert got == [(117, 2015, True)]


def test_shared_titles_are_not_inferred() -> None:
    # the 79/109 title is the same in both codes
    assert find("về tội Hoạt động nhằm lật đổ chính quyền nhân dân", "vi") == [(None, None, False)]
    assert find("for conducting anti-state propaganda", "en") == [(None, None, False)]


def test_331_inferred_only_from_2018() -> None:
    title = (
        "tội Lợi dụng các quyền tự do dân chủ xâm phạm lợi ích của Nhà nước, quyền, "
        "lợi ích hợp pháp của tổ chức, cá nhân"
    )
    assert find(title, "vi", 2019) == [(331, 2015, True)]
    assert find(title, "vi", 2016) == [(None, None, False)]
