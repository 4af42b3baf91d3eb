"""NLP 0.6.0: charge articles carried to later events of the same case (LABELLING rule 4) when the article is
stated in another sentence than the individual verdicts: a group verdict or group charge/trial sentence, the
person's own earlier charge, "under the same article"/"cùng tội danh"; and the negative cases: an arrest told
before the charge, round-up passages of several cases, a person whose own sentence names another article.

Every sentence here was written for these tests; the names, places and numbers are made up.
"""

from __future__ import annotations

import pytest

from nlp.extract import Extractor

PUB = "2022-03-18"  # a Friday


def articles(extractor: Extractor, text: str, lang: str, published: str | None = PUB) -> dict[tuple[str, str], list]:
    return {
        (e.person_full or e.person, e.event_type): sorted(c.article for c in e.charges if c.article is not None)
        for e in extractor.extract(text, lang, published)
    }


# ---------------------------------------------------------------- 1. group verdict, then individual terms
def test_group_verdict_then_individual_terms_en(extractor: Extractor) -> None:
    text = (
        "A court in Thanh Hoa on Tuesday jailed three land rights activists for 'disrupting security' under "
        "Article 118 of the Penal Code. Farmer Dinh Van Sang received six years. Ha Thi Lua was given four years "
        "and two years of probation, and teacher Vo Quoc Tam got three years."
    )
    got = articles(extractor, text, "en")
    assert got == {
        ("Dinh Van Sang", "sentence"): [118],
        ("Ha Thi Lua", "sentence"): [118],
        ("Vo Quoc Tam", "sentence"): [118],
    }


def test_group_verdict_then_individual_terms_vi(extractor: Extractor) -> None:
    text = (
        "Ngày 15/3, Tòa án nhân dân tỉnh Quảng Ngãi xét xử bốn bị cáo về tội lợi dụng các quyền tự do dân chủ "
        "theo Điều 331 Bộ luật Hình sự. Ông Phan Văn Khải bị tuyên phạt 5 năm tù. Bà Lê Thị Thu nhận 4 năm tù, "
        "ông Đỗ Văn Lực 3 năm tù."
    )
    got = articles(extractor, text, "vi")
    for person in ("Phan Văn Khải", "Lê Thị Thu", "Đỗ Văn Lực"):
        assert got[(person, "sentence")] == [331]


# ---------------------------------------------------------------- 2. article in an earlier charge/trial sentence
def test_group_trial_then_verdicts_en(extractor: Extractor) -> None:
    text = (
        "Six members of a labour group went on trial on Wednesday in Can Tho charged under Article 117 of the "
        "Penal Code. The court sentenced Lam Quoc Vinh to seven and a half years; Kieu Thi Mai received six years."
    )
    got = articles(extractor, text, "en")
    assert got[("Lam Quoc Vinh", "sentence")] == [117]
    assert got[("Kieu Thi Mai", "sentence")] == [117]


def test_group_indictment_then_verdicts_vi(extractor: Extractor) -> None:
    text = (
        "Hai bị cáo bị truy tố theo Điều 117 Bộ luật Hình sự về tội làm, tàng trữ, phát tán tài liệu nhằm chống "
        "Nhà nước. Ngày 10/3, Tòa án nhân dân tỉnh Gia Lai tuyên phạt ông Võ Văn Hòa 7 năm tù, bà Trịnh Thị Nhung "
        "5 năm tù."
    )
    got = articles(extractor, text, "vi")
    assert got[("Võ Văn Hòa", "sentence")] == [117]
    assert got[("Trịnh Thị Nhung", "sentence")] == [117]


# ---------------------------------------------------------------- 3. "under the same article" in the same proceeding
def test_same_article_in_same_trial(extractor: Extractor) -> None:
    text = (
        "Four members of an online forum went on trial in Da Lat on Monday under Article 79 of the 1999 Penal "
        "Code. Bui Van Thanh received 13 years and Chau Van Loc 11 years. Mai Thi Sen got nine years under the "
        "same article."
    )
    got = articles(extractor, text, "en")
    for person in ("Bui Van Thanh", "Chau Van Loc", "Mai Thi Sen"):
        assert got[(person, "sentence")] == [79]


def test_same_charge_names_the_article_whatever_the_date(extractor: Extractor) -> None:
    # "on the same charge" names the charge itself; another date or court is another case of that charge
    text = (
        "Ly Van Phong was sentenced to eight years under Article 88 in May 2016. In 2014, Ton Thi Kim was "
        "sentenced to six years on the same charge."
    )
    got = articles(extractor, text, "en")
    assert got[("Ly Van Phong", "sentence")] == [88]
    assert got[("Ton Thi Kim", "sentence")] == [88]


def test_cung_toi_danh_after_another_case_gets_none(extractor: Extractor) -> None:
    text = (
        "Tòa án nhân dân tỉnh Bình Định tuyên phạt ông Tạ Văn Lâm 6 năm tù theo Điều 117. Trong một vụ khác, "
        "bà Hồ Thị Nguyệt bị tuyên phạt 4 năm tù với cùng tội danh."
    )
    got = articles(extractor, text, "vi")
    assert got[("Tạ Văn Lâm", "sentence")] == [117]
    assert got[("Hồ Thị Nguyệt", "sentence")] == []


# ---------------------------------------------------------------- 4. the person's charge, then a later verdict
@pytest.mark.parametrize(
    "text",
    [
        "Chu Van Duc was arrested on 12 May and charged under Article 258 of the Penal Code. In September, Duc "
        "was given a suspended sentence of 18 months.",
        "Police arrested Chu Van Duc on 12 May. He was later charged under Article 258 of the Penal Code. In "
        "September, Duc was given a suspended sentence of 18 months.",
    ],
)
def test_charge_then_later_verdict_en(extractor: Extractor, text: str) -> None:
    got = articles(extractor, text, "en")
    assert got[("Chu Van Duc", "sentence")] == [258]


def test_arrest_before_the_charge_gets_no_article(extractor: Extractor) -> None:
    text = (
        "Police arrested Chu Van Duc on 12 May. He was later charged under Article 258 of the Penal Code. In "
        "September, Duc was given a suspended sentence of 18 months."
    )
    assert articles(extractor, text, "en")[("Chu Van Duc", "arrest")] == []


def test_arrest_before_the_charge_gets_no_article_vi(extractor: Extractor) -> None:
    text = (
        "Ông Nông Văn Tư bị bắt ngày 3/2. Sau đó ông bị khởi tố theo Điều 331. Ngày 20/10, Tòa án nhân dân tỉnh "
        "Lạng Sơn tuyên phạt ông Tư 15 tháng tù treo."
    )
    got = articles(extractor, text, "vi")
    assert got[("Nông Văn Tư", "arrest")] == []
    assert got[("Nông Văn Tư", "charge")] == [331]
    assert got[("Nông Văn Tư", "sentence")] == [331]


def test_arrest_and_charge_of_one_sentence_share_the_article(extractor: Extractor) -> None:
    text = "Chu Van Duc was arrested on 12 May and charged under Article 258 of the Penal Code."
    got = articles(extractor, text, "en")
    assert got[("Chu Van Duc", "arrest")] == [258]


# ---------------------------------------------------------------- 5. round-ups: no article across cases
@pytest.mark.parametrize(
    "text",
    [
        "A court in Nam Dinh jailed two Catholic activists under Article 79 on Tuesday. Tran Van Hieu received "
        "ten years. In another case, blogger Quach Thi Lan was sentenced to five years by a court in Hue in "
        "January.",
        "A court in Nam Dinh jailed two Catholic activists under Article 79 on Tuesday. Tran Van Hieu received "
        "ten years. Separately, blogger Quach Thi Lan was sentenced to five years.",
        "A court in Nam Dinh jailed two Catholic activists under Article 79 on Tuesday. Tran Van Hieu received "
        "ten years. Blogger Quach Thi Lan was sentenced to five years by a court in Hue.",
        "A court in Nam Dinh jailed two Catholic activists under Article 79 on Tuesday. Tran Van Hieu received "
        "ten years. Blogger Quach Thi Lan was sentenced to five years in November 2019.",
    ],
)
def test_round_up_does_not_share_articles_en(extractor: Extractor, text: str) -> None:
    got = articles(extractor, text, "en")
    assert got[("Tran Van Hieu", "sentence")] == [79]
    assert got[("Quach Thi Lan", "sentence")] == []


def test_round_up_does_not_share_articles_vi(extractor: Extractor) -> None:
    text = (
        "Ngày 15/3, Tòa án nhân dân tỉnh Thái Bình xét xử ba bị cáo theo Điều 117. Ông Lương Văn Tiến bị tuyên "
        "phạt 9 năm tù. Trong một vụ khác, bà Khổng Thị Hạnh bị tuyên phạt 3 năm tù."
    )
    got = articles(extractor, text, "vi")
    assert got[("Lương Văn Tiến", "sentence")] == [117]
    assert got[("Khổng Thị Hạnh", "sentence")] == []


def test_own_different_article_is_kept(extractor: Extractor) -> None:
    text = (
        "Five activists went on trial in Vinh on Thursday charged under Article 331 of the Penal Code. Cao Van "
        "Nhan received three years. Hoang Thi Yen was sentenced to four years under Article 117."
    )
    got = articles(extractor, text, "en")
    assert got[("Cao Van Nhan", "sentence")] == [331]
    assert got[("Hoang Thi Yen", "sentence")] == [117]
