"""NLP 0.6.2: the date of a group verdict reaches the individual sentence events listed after it (same scope and
stop rules as CaseArticles); a family or given name with an age ("Vu, 41,") is a person mention resolved to the
full name; "would not appeal" and prosecutors' proposals give no event; outlets named in apposition ("X, a
Facebook page ...", "trang Facebook X") are not persons; "two years and 18 months respectively" are two terms.

Every sentence here was written for these tests; the names, places and numbers are made up.
"""

from __future__ import annotations

from nlp.extract import Extractor

PUB = "2013-05-16"  # a Thursday


def got(extractor: Extractor, text: str, lang: str, published: str | None = PUB) -> dict[tuple[str, str], tuple]:
    return {
        (e.person_full or e.person, e.event_type): (e.prison_months, e.probation_months, e.date)
        for e in extractor.extract(text, lang, published)
    }


# ---------------------------------------------------------------- 1. the date of a group verdict
def test_group_date_reaches_every_listed_verdict_en(extractor: Extractor) -> None:
    text = (
        "DA NANG (Reuters) - A court on Tuesday jailed five bloggers for abusing democratic freedoms. Teacher Ho "
        "Van Phuc, 37, received four years. Dao Thi Lien was given three years, and blogger Mac Van Sang two years. "
        "The hearing lasted half a day. Lam Quoc Trung received 30 months."
    )
    assert got(extractor, text, "en") == {
        ("Ho Van Phuc", "sentence"): (48, None, "2013-05-14"),
        ("Dao Thi Lien", "sentence"): (36, None, "2013-05-14"),
        ("Mac Van Sang", "sentence"): (24, None, "2013-05-14"),
        ("Lam Quoc Trung", "sentence"): (30, None, "2013-05-14"),
    }


def test_group_date_yesterday_rights_group_is_not_a_person(extractor: Extractor) -> None:
    text = (
        "RSF condemns the prison sentences that a court in Vinh passed yesterday on four netizens. Chau Van Tien "
        "was given three and a half years, while Ly Thi Mai received two years. Kha Van Bao got 20 months. "
        "Dong Thi Nhung received one year."
    )
    assert got(extractor, text, "en") == {
        ("Chau Van Tien", "sentence"): (42, None, "2013-05-15"),
        ("Ly Thi Mai", "sentence"): (24, None, "2013-05-15"),
        ("Kha Van Bao", "sentence"): (20, None, "2013-05-15"),
        ("Dong Thi Nhung", "sentence"): (12, None, "2013-05-15"),
    }


def test_group_date_vi_linh(extractor: Extractor) -> None:
    text = (
        "Ngày 3/5, TAND tỉnh Thanh Hóa tuyên phạt 9 bị cáo về tội hoạt động nhằm lật đổ chính quyền nhân dân. "
        "Bị cáo Hà Văn Quý lĩnh 12 năm tù, Đoàn Văn Tín 7 năm tù. Bà Lò Thị Xuân lĩnh 5 năm tù."
    )
    assert got(extractor, text, "vi") == {
        ("Hà Văn Quý", "sentence"): (144, None, "2013-05-03"),
        ("Đoàn Văn Tín", "sentence"): (84, None, "2013-05-03"),
        ("Lò Thị Xuân", "sentence"): (60, None, "2013-05-03"),
    }


def test_group_date_keeps_own_date_and_stops_at_round_up(extractor: Extractor) -> None:
    text = (
        "A court on Tuesday jailed three activists for subversion. Ho Van Phuc received four years. Dao Thi Lien "
        "was given three years on Monday. Separately, Mac Van Sang was sentenced to two years."
    )
    assert got(extractor, text, "en") == {
        ("Ho Van Phuc", "sentence"): (48, None, "2013-05-14"),
        ("Dao Thi Lien", "sentence"): (36, None, "2013-05-13"),
        ("Mac Van Sang", "sentence"): (24, None, None),
    }


def test_group_date_stops_at_another_court(extractor: Extractor) -> None:
    text = (
        "RSF condemns the prison sentences that a court in Vinh passed yesterday on two netizens. Chau Van Tien "
        "was given three years. A court in Hanoi jailed Vu Van Hao for four years."
    )
    assert got(extractor, text, "en")[("Vu Van Hao", "sentence")][2] is None


# ---------------------------------------------------------------- 2./3. surname + age, non-events
def test_given_name_with_age_and_non_events(extractor: Extractor) -> None:
    text = (
        "HAI PHONG (Reuters) - A court on Tuesday jailed three activists for subversion, among them engineer "
        "Quach Van Dung. Dung, 46, who was arrested in August last year, received six years in prison followed "
        "by two years of house arrest. Defence lawyer Tang Minh said Dung would not appeal. Prosecutors had asked "
        "for heavier terms."
    )
    assert got(extractor, text, "en") == {
        ("Quach Van Dung", "sentence"): (72, 24, "2013-05-14"),
        ("Quach Van Dung", "arrest"): (None, None, "2012-08"),
    }


def test_family_name_with_age(extractor: Extractor) -> None:
    text = (
        "A court in Hue on Tuesday jailed activist Trieu Van Lam and two others. Trieu, 52, received five years "
        "in prison. His lawyer said Trieu would not appeal."
    )
    events = extractor.extract(text, "en", PUB)
    assert [(e.person_full, e.event_type, e.prison_months, e.date) for e in events] == [
        ("Trieu Van Lam", "sentence", 60, "2013-05-14")
    ]


def test_family_name_without_age_is_not_a_mention(extractor: Extractor) -> None:
    text = "Trieu Van Lam was arrested in March. Trieu Province officials declined to comment."
    assert [e.person for e in extractor.extract(text, "en", PUB)] == ["Trieu Van Lam"]


# ---------------------------------------------------------------- 4. outlets named in apposition
def test_facebook_page_in_apposition_is_an_outlet_en(extractor: Extractor) -> None:
    text = (
        "A court jailed two reporters who worked for Tin Lang, a Facebook page that exposed land grabs. Kim Van "
        "Hoa and Lu Thi Ngoc were sentenced to three years and 30 months respectively."
    )
    assert got(extractor, text, "en") == {
        ("Kim Van Hoa", "sentence"): (36, None, None),
        ("Lu Thi Ngoc", "sentence"): (30, None, None),
    }


def test_trang_facebook_is_an_outlet_vi(extractor: Extractor) -> None:
    text = "Ông Kim Văn Hòa, người quản trị trang Facebook Tin Làng, bị bắt ngày 2/4."
    events = extractor.extract(text, "vi", PUB)
    assert [(e.person, e.event_type, e.date) for e in events] == [("Kim Văn Hòa", "arrest", "2013-04-02")]


# ---------------------------------------------------------------- 5. "respectively" with years and months
def test_years_and_months_respectively_after_other_verdicts(extractor: Extractor) -> None:
    text = (
        "A court in Hue on Monday jailed three bloggers. Mai Van Khoa received nine years. Truong Thi Hoa and "
        "Nguyen Van Thanh Long were sentenced to two years and 18 months respectively."
    )
    assert got(extractor, text, "en") == {
        ("Mai Van Khoa", "sentence"): (108, None, "2013-05-13"),
        ("Truong Thi Hoa", "sentence"): (24, None, "2013-05-13"),
        ("Nguyen Van Thanh Long", "sentence"): (18, None, "2013-05-13"),
    }


def test_years_and_months_without_respectively_stay_one_term(extractor: Extractor) -> None:
    text = "Truong Thi Hoa was sentenced to two years and six months in prison."
    assert got(extractor, text, "en", None) == {("Truong Thi Hoa", "sentence"): (30, None, None)}
