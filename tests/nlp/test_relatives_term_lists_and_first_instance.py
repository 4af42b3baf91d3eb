"""Error classes of NLP 0.4.0 (found on unseen passages): relatives in apposition, ongoing detention, group
probation, lists of defendants with "respectively", dates of a listed verdict, arrest + charge with one date,
first-instance verdicts named inside an appeal ruling, administrative fines without a date.

Every sentence here was written for these tests; the names, places and numbers are made up.
"""

from __future__ import annotations

import pytest

from nlp.extract import Extractor
from tests.nlp.rows import full_rows, type_rows


def events_of(extractor: Extractor, text: str, lang: str, published: str | None = "2023-06-14") -> list[tuple]:
    return full_rows(extractor, text, lang, published)


def types_of(extractor: Extractor, text: str, lang: str, published: str | None = "2023-06-14") -> list[tuple]:
    return type_rows(extractor, text, lang, published)


# ---------------------------------------------------------------- 1. relatives in apposition
@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Journalist Quach Van Dinh was tried on Tuesday in Hai Phong. Dinh's wife, Lam Thi Nga, was not allowed "
            "into the courtroom, and diplomats who tried to observe the trial were turned away.",
            [("Quach Van Dinh", "trial")],
        ),
        (
            "en",
            "Activist Mong Van Trung was arrested on April 2, 2023. His brother, Mong Van Kien, was also barred "
            "from the trial.",
            [("Mong Van Trung", "arrest")],
        ),
        (
            "vi",
            "Nhà báo Quách Văn Định bị xét xử hôm thứ Ba. Vợ ông Định, bà Lâm Thị Nga, cho biết bà không được "
            "vào phòng xử.",
            [("Quách Văn Định", "trial")],
        ),
        (
            "vi",
            "Ông Mông Văn Trung bị bắt ngày 2/4/2023. Mẹ ông Trung, bà Đàm Thị Hoa, cho biết gia đình không được "
            "báo tin về nơi ông bị tạm giam.",
            [("Mông Văn Trung", "arrest")],
        ),
    ],
)
def test_a_relative_in_apposition_is_no_subject(extractor: Extractor, lang: str, text: str, expected: list) -> None:
    assert types_of(extractor, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "person"),
    [
        ("en", "Mong Van Trung's wife, Lam Thi Nga, was also arrested on April 2, 2023.", "Lam Thi Nga"),
        ("vi", "Vợ ông Trung, bà Lâm Thị Nga, cũng bị bắt ngày 2/4/2023.", "Lâm Thị Nga"),
    ],
)
def test_a_relative_in_apposition_keeps_her_own_event(extractor: Extractor, lang: str, text: str, person: str) -> None:
    assert events_of(extractor, text, lang) == [(person, "arrest", None, None, "2023-04-02")]


def test_a_relative_with_a_speech_verb_is_no_subject(extractor: Extractor) -> None:
    text = "Quach Van Dinh's sister, Quach Thi Lua, said the police arrested him on April 4, 2023."
    assert "Quach Thi Lua" not in [e.person for e in extractor.extract(text, "en", "2023-06-14")]


# ---------------------------------------------------------------- 2. ongoing detention without detail
@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("vi", "Bà Hứa Thị Duyên, người sáng lập quỹ Sen Hồng, hiện vẫn bị tạm giam."),
        ("vi", "Nhà hoạt động Ông Văn Quảng hiện vẫn bị tạm giam chờ xét xử."),
        ("vi", "Anh Phan Văn Bính vẫn đang bị giam giữ tại trại tạm giam Công an tỉnh Hà Tĩnh."),
        ("en", "Blogger Hua Thi Duyen remains in pre-trial detention."),
        ("en", "Environmental activist Ong Van Quang is still being held awaiting trial."),
        ("en", "Land activist Phan Van Binh remains detained pending trial."),
    ],
)
def test_ongoing_detention_is_no_event(extractor: Extractor, lang: str, text: str) -> None:
    assert types_of(extractor, text, lang) == []


@pytest.mark.parametrize(
    ("lang", "text", "person"),
    [
        (
            "en",
            "Ong Van Quang, who was arrested on March 2, 2023, is still being held awaiting trial.",
            "Ong Van Quang",
        ),
        ("vi", "Ông Ông Văn Quảng bị bắt ngày 2/3/2023 và hiện vẫn bị tạm giam chờ xét xử.", "Ông Văn Quảng"),
    ],
)
def test_ongoing_detention_keeps_the_dated_arrest(extractor: Extractor, lang: str, text: str, person: str) -> None:
    assert types_of(extractor, text, lang) == [(person, "arrest")]


@pytest.mark.parametrize(
    ("lang", "text", "person"),
    [
        ("en", "Hua Thi Duyen, who is awaiting trial on July 5, 2023, remains detained.", "Hua Thi Duyen"),
        ("vi", "Bà Hứa Thị Duyên hiện vẫn bị tạm giam chờ xét xử vào ngày 5/7/2023.", "Hứa Thị Duyên"),
    ],
)
def test_an_awaited_trial_with_its_date_is_kept(extractor: Extractor, lang: str, text: str, person: str) -> None:
    assert events_of(extractor, text, lang) == [(person, "trial", None, None, "2023-07-05")]


# ---------------------------------------------------------------- 3. group probation
@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "The court gave Ta Van Khai eleven years, Ninh Thi Lua seven years and Vien Van Hop six years in prison. "
            "Each will also serve two years of probation after release.",
            [("Ninh Thi Lua", 84, 24), ("Ta Van Khai", 132, 24), ("Vien Van Hop", 72, 24)],
        ),
        (
            "en",
            "The Long An court sentenced Ta Van Khai to eleven years, Ninh Thi Lua to seven years and Vien Van Hop "
            "to six years in prison, followed by two years of probation each.",
            [("Ninh Thi Lua", 84, 24), ("Ta Van Khai", 132, 24), ("Vien Van Hop", 72, 24)],
        ),
        (
            "vi",
            "Tòa tuyên phạt ông Tạ Văn Khải 11 năm tù, bà Ninh Thị Lụa 7 năm tù. Hai người còn phải chịu 2 năm "
            "quản chế sau khi mãn hạn tù.",
            [("Ninh Thị Lụa", 84, 24), ("Tạ Văn Khải", 132, 24)],
        ),
        (
            "vi",
            "Tòa tuyên phạt ông Tạ Văn Khải 11 năm tù, bà Ninh Thị Lụa 7 năm tù và ông Viên Văn Hợp 6 năm tù, "
            "mỗi người 2 năm quản chế.",
            [("Ninh Thị Lụa", 84, 24), ("Tạ Văn Khải", 132, 24), ("Viên Văn Hợp", 72, 24)],
        ),
    ],
)
def test_group_probation_goes_to_every_listed_person(
    extractor: Extractor, lang: str, text: str, expected: list
) -> None:
    got = sorted((e.person, e.prison_months, e.probation_months) for e in extractor.extract(text, lang, None))
    assert got == expected


def test_individual_probation_is_not_spread(extractor: Extractor) -> None:
    text = (
        "The court sentenced Ta Van Khai to eleven years in prison and three years of probation, and Ninh Thi Lua "
        "to seven years in prison."
    )
    got = sorted((e.person, e.prison_months, e.probation_months) for e in extractor.extract(text, "en", None))
    assert got == [("Ninh Thi Lua", 84, None), ("Ta Van Khai", 132, 36)]


# ---------------------------------------------------------------- 4. lists of defendants
@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Doan Van Hieu, Mac Thi Sen and Lo Van Quy were sentenced to 13, 9 and 9 years in prison, respectively, "
            "for subversion.",
            [("Doan Van Hieu", 156), ("Lo Van Quy", 108), ("Mac Thi Sen", 108)],
        ),
        (
            "en",
            "The court jailed Doan Van Hieu, Mac Thi Sen, Lo Van Quy and Be Van Tinh for twelve, ten, eight and "
            "five years respectively.",
            [("Be Van Tinh", 60), ("Doan Van Hieu", 144), ("Lo Van Quy", 96), ("Mac Thi Sen", 120)],
        ),
        (
            "en",
            "The court sentenced Doan Van Hieu to 13 years and Mac Thi Sen and Lo Van Quy to 9 years each.",
            [("Doan Van Hieu", 156), ("Lo Van Quy", 108), ("Mac Thi Sen", 108)],
        ),
        (
            "vi",
            "Đoàn Văn Hiếu, Mạc Thị Sen và Lò Văn Quý lần lượt bị tuyên 13, 9 và 9 năm tù.",
            [("Lò Văn Quý", 108), ("Mạc Thị Sen", 108), ("Đoàn Văn Hiếu", 156)],
        ),
        (
            "vi",
            "Tòa tuyên phạt Đoàn Văn Hiếu, Mạc Thị Sen, Lò Văn Quý lần lượt 13 năm, 9 năm và 7 năm tù.",
            [("Lò Văn Quý", 84), ("Mạc Thị Sen", 108), ("Đoàn Văn Hiếu", 156)],
        ),
        (
            "vi",
            "Đoàn Văn Hiếu, Mạc Thị Sen và Lò Văn Quý bị tuyên lần lượt 13, 9, 7 năm tù.",
            [("Lò Văn Quý", 84), ("Mạc Thị Sen", 108), ("Đoàn Văn Hiếu", 156)],
        ),
    ],
)
def test_list_of_defendants_gets_terms_in_order(extractor: Extractor, lang: str, text: str, expected: list) -> None:
    got = sorted((e.person, e.prison_months) for e in extractor.extract(text, lang, None) if e.event_type == "sentence")
    assert got == expected


def test_a_list_of_probation_terms_follows_respectively(extractor: Extractor) -> None:
    text = (
        "The court jailed Doan Van Hieu, Mac Thi Sen and Lo Van Quy for 13, 9 and 9 years respectively, plus four, "
        "three and three years of probation."
    )
    got = sorted((e.person, e.prison_months, e.probation_months) for e in extractor.extract(text, "en", None))
    assert got == [("Doan Van Hieu", 156, 48), ("Lo Van Quy", 108, 36), ("Mac Thi Sen", 108, 36)]


def test_a_range_is_no_list(extractor: Extractor) -> None:
    text = "Prosecutors asked for between 8 and 12 years in prison for Doan Van Hieu, who was sentenced on May 4, 2023."
    assert [e.prison_months for e in extractor.extract(text, "en", None)] == [None]


# ---------------------------------------------------------------- 5. a list of verdicts after a dated trial
@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "On August 3, the court in Ninh Thuan tried nine protesters. Cao Van Thiet got four years, Dam Van Son "
            "three and a half years, and Trieu Phong two years.",
            [("Cao Van Thiet", 48), ("Dam Van Son", 42), ("Trieu Phong", 24)],
        ),
        (
            "en",
            "On August 3, a court in Ninh Thuan tried Cao Van Thiet and eight other farmers. Cao Van Thiet got four "
            "years, Dam Van Son three and a half years and Trieu Thi Phong two years.",
            [("Cao Van Thiet", 48), ("Dam Van Son", 42), ("Trieu Thi Phong", 24)],
        ),
        (
            "vi",
            "Ngày 3/8, Tòa án tỉnh Ninh Thuận xét xử 9 người biểu tình. Ông Cao Văn Thiết lãnh 4 năm tù, ông Đàm "
            "Văn Sơn 3 năm 6 tháng tù và ông Triệu Phong 2 năm tù.",
            [("Cao Văn Thiết", 48), ("Triệu Phong", 24), ("Đàm Văn Sơn", 42)],
        ),
        (
            "vi",
            "Ngày 3/8, TAND tỉnh Ninh Thuận đưa ông Cao Văn Thiết và tám người khác ra xét xử. Ông Cao Văn Thiết "
            "bị tuyên 4 năm tù, ông Đàm Văn Sơn 3 năm tù, bà Triệu Thị Phong 18 tháng tù.",
            [("Cao Văn Thiết", 48), ("Triệu Thị Phong", 18), ("Đàm Văn Sơn", 36)],
        ),
    ],
)
def test_listed_verdicts_take_the_trial_date(extractor: Extractor, lang: str, text: str, expected: list) -> None:
    got = sorted((e.person, e.prison_months, e.date) for e in extractor.extract(text, lang, "2023-09-01") if e.date)
    assert got == [(p, m, "2023-08-03") for p, m in expected]


# ---------------------------------------------------------------- 6. arrest + charge with one date
@pytest.mark.parametrize(
    ("lang", "text", "person", "date"),
    [
        (
            "en",
            "Police arrested Luc Van Hanh on June 11 and charged him with 'abusing democratic freedoms'.",
            "Luc Van Hanh",
            "2023-06-11",
        ),
        (
            "en",
            'Police in Vinh arrested Luc Van Hanh on June 11, charging him with "abusing democratic freedoms".',
            "Luc Van Hanh",
            "2023-06-11",
        ),
        (
            "vi",
            "Ông Lục Văn Hạnh bị bắt ngày 11/6 và bị khởi tố về tội lợi dụng các quyền tự do dân chủ.",
            "Lục Văn Hạnh",
            "2023-06-11",
        ),
        (
            "vi",
            "Ngày 11/6/2022, Công an tỉnh Nghệ An bắt tạm giam và khởi tố ông Lục Văn Hạnh về tội tuyên truyền "
            "chống Nhà nước.",
            "Lục Văn Hạnh",
            "2022-06-11",
        ),
    ],
)
def test_arrest_and_charge_share_the_date(extractor: Extractor, lang: str, text: str, person: str, date: str) -> None:
    got = sorted((e.person, e.event_type, e.date) for e in extractor.extract(text, lang, "2023-06-20"))
    assert got == [(person, "arrest", date), (person, "charge", date)]


def test_a_later_charge_keeps_its_own_date(extractor: Extractor) -> None:
    text = "Anh Lục Văn Hạnh bị bắt vào ngày 11/6/2022, sau đó bị khởi tố về tội lợi dụng các quyền tự do dân chủ."
    got = sorted((e.event_type, e.date) for e in extractor.extract(text, "vi", "2023-06-20"))
    assert got == [("arrest", "2022-06-11"), ("charge", None)]


# ---------------------------------------------------------------- 7. first-instance verdict inside an appeal ruling
@pytest.mark.parametrize(
    ("lang", "text", "persons"),
    [
        (
            "en",
            "The appeals court upheld the seven-year sentences that the Nam Dinh court handed to Vuong Thi Thoa and "
            "her son Vuong Van Tien in April 2022.",
            ("Vuong Thi Thoa", "Vuong Van Tien"),
        ),
        (
            "vi",
            "Tòa phúc thẩm giữ nguyên mức án 7 năm tù mà tòa sơ thẩm tuyên hồi tháng 4/2022 đối với bà Vương Thị "
            "Thoa và con trai Vương Văn Tiến.",
            ("Vương Thị Thoa", "Vương Văn Tiến"),
        ),
    ],
)
def test_appeal_names_the_first_instance_verdict(extractor: Extractor, lang: str, text: str, persons: tuple) -> None:
    expected = sorted(
        [(p, "appeal", 84, None, None) for p in persons] + [(p, "sentence", 84, None, "2022-04") for p in persons]
    )
    assert events_of(extractor, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "person", "appeal_date"),
    [
        (
            "en",
            "On Friday, the appeals court upheld the five-year prison term and two years of probation that a Ha Tinh "
            "court gave Hau Van Loc in March 2022.",
            "Hau Van Loc",
            "2023-06-09",
        ),
        (
            "vi",
            "Ngày 10/6/2023, Tòa cấp cao giữ nguyên mức án 5 năm tù, 2 năm quản chế mà TAND tỉnh Hà Tĩnh tuyên hồi "
            "tháng 3/2022 đối với ông Hầu Văn Lộc.",
            "Hầu Văn Lộc",
            "2023-06-10",
        ),
    ],
)
def test_appeal_with_its_own_date_and_probation(
    extractor: Extractor, lang: str, text: str, person: str, appeal_date: str
) -> None:
    assert events_of(extractor, text, lang) == [
        (person, "appeal", 60, 24, appeal_date),
        (person, "sentence", 60, 24, "2022-03"),
    ]


# ---------------------------------------------------------------- 8. administrative fines
@pytest.mark.parametrize(
    ("lang", "text", "person"),
    [
        ("vi", "Ông Lã Văn Hòe từng bị phạt hành chính 6,5 triệu đồng vì đăng bài trên Facebook.", "Lã Văn Hòe"),
        ("vi", "Bà Mè Thị Xuân bị công an huyện phạt 5 triệu đồng vì chia sẻ bài viết.", "Mè Thị Xuân"),
        ("en", "La Van Hoe was fined 6.5 million dong by the provincial police for his Facebook posts.", "La Van Hoe"),
        ("en", "La Van Hoe was previously fined 5 million dong for posts critical of the government.", "La Van Hoe"),
    ],
)
def test_administrative_fine_without_date_is_other(extractor: Extractor, lang: str, text: str, person: str) -> None:
    assert events_of(extractor, text, lang) == [(person, "other", None, None, None)]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The court sentenced La Van Hoe to three years in prison and fined him 20 million dong."),
        ("vi", "Ông Lã Văn Hòe bị tuyên phạt 3 năm tù và phạt tiền 20 triệu đồng."),
    ],
)
def test_a_court_fine_with_a_sentence_is_not_other(extractor: Extractor, lang: str, text: str) -> None:
    assert [e.event_type for e in extractor.extract(text, lang, None)] == ["sentence"]
