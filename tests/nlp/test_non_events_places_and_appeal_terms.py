"""Error classes found on longer article excerpts (NLP 0.3.0): advocacy, background lists, combined totals,
indictment content, unnamed descriptors and minority names, place names next to a person, appeal rulings,
life and death sentences, "jailed for", dates of the same proceeding, administrative fines.

Every sentence here was written for these tests; the names, places and numbers are made up.
"""

from __future__ import annotations

import pytest

from nlp.extract import Extractor
from tests.nlp.rows import full_rows, type_rows
from tests.nlp.test_full_articles import find


def types_of(extractor: Extractor, text: str, lang: str, published: str | None = "2023-06-14") -> list[tuple]:
    return type_rows(extractor, text, lang, published)


def full_of(extractor: Extractor, text: str, lang: str, published: str | None = "2023-06-14") -> list[tuple]:
    return full_rows(extractor, text, lang, published)


# ---------------------------------------------------------------- 1. advocacy is not an event
@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Hanoi should overturn the conviction of poet Luong Van Hieu and free him at once, the group said."),
        ("en", "Reporters Watch Sample calls on the authorities to release Kieu Thi Nhan without conditions."),
        (
            "en",
            "The organisation described Mac Van Trieu as a prisoner of conscience and urged his immediate and "
            "unconditional release.",
        ),
        ("en", "Human Rights Sample urged Vietnam to drop every charge against Thach Van Loi and release him."),
        ("vi", "Tổ chức này kêu gọi chính quyền trả tự do ngay lập tức cho nhà báo Kiều Văn Nhân."),
        ("vi", "Các nhóm nhân quyền yêu cầu nhà cầm quyền thả tự do cho bà Mạc Thị Triều và hủy bản án."),
        ("vi", "Nghị viện châu Âu đòi trả tự do vô điều kiện cho ông Thạch Văn Lợi."),
    ],
)
def test_a_call_for_release_is_not_a_release(extractor: Extractor, lang: str, text: str) -> None:
    assert types_of(extractor, text, lang) == []


def test_advocacy_keeps_the_stated_event_in_a_relative_clause(extractor: Extractor) -> None:
    text = "The group urged the release of Luong Van Hieu, who was arrested on May 9, 2023."
    assert types_of(extractor, text, "en") == [("Luong Van Hieu", "arrest")]


def test_amnesty_organisation_name_is_not_an_amnesty(extractor: Extractor) -> None:
    text = "Ông Kiều Văn Nhân bị bắt ngày 9/5/2023. Tổ chức Ân xá Quốc tế kêu gọi trả tự do cho ông Nhân."
    assert types_of(extractor, text, "vi") == [("Kiều Văn Nhân", "arrest")]


# ---------------------------------------------------------------- 2. background lists
@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Among those still imprisoned are blogger Ha Van Thuan and campaigner Lo Thi Vang, both of whom had "
            "been convicted in earlier trials.",
        ),
        (
            "vi",
            "Những trường hợp như nhà báo Hà Văn Thuận hay nhà hoạt động Lò Thị Vàng đều đã bị kết án trong "
            "những năm trước.",
        ),
    ],
)
def test_background_list_makes_no_events(extractor: Extractor, lang: str, text: str) -> None:
    assert types_of(extractor, text, lang) == []


# ---------------------------------------------------------------- 3. combined totals
@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "With this verdict, the five campaigners received a combined 29 years in prison."),
        ("en", "Tong Van Phu and Ha Thi Mo were sentenced to a combined 13 years in prison on June 2, 2023."),
        ("vi", "Hai bị cáo Tống Văn Phú và Hà Thị Mơ bị tuyên phạt tổng cộng 13 năm tù và 4 năm quản chế."),
    ],
)
def test_a_combined_total_makes_no_event(extractor: Extractor, lang: str, text: str) -> None:
    assert types_of(extractor, text, lang) == []


def test_a_total_after_individual_terms_keeps_them(extractor: Extractor) -> None:
    text = "Ngày 2/6/2023, ông Tống Văn Phú bị tuyên phạt 7 năm tù, bà Hà Thị Mơ 6 năm tù, tổng cộng 13 năm tù."
    assert full_of(extractor, text, "vi") == [
        ("Hà Thị Mơ", "sentence", 72, None, "2023-06-02"),
        ("Tống Văn Phú", "sentence", 84, None, "2023-06-02"),
    ]


def test_a_total_sentence_still_dates_the_individual_terms(extractor: Extractor) -> None:
    text = (
        "At a trial in Ben Tre on June 2, 2023, the two activists were sentenced to a combined 13 years in prison. "
        "The court gave Tong Van Phu seven years and Ha Thi Mo six years."
    )
    got = full_of(extractor, text, "en")
    assert [(p, t, m, d) for p, t, m, _, d in got] == [
        ("Ha Thi Mo", "sentence", 72, "2023-06-02"),
        ("Tong Van Phu", "sentence", 84, "2023-06-02"),
    ]


# ---------------------------------------------------------------- 4. indictment content
@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "According to the indictment, between 2019 and May this year Vuong Van Khiem used four Facebook "
            "accounts to post articles.",
        ),
        ("vi", "Theo cáo trạng, từ năm 2019 đến tháng 5/2022, Vương Văn Khiêm đã dùng bốn tài khoản Facebook."),
        ("vi", "Vương Văn Khiêm, 44 tuổi, bị cáo buộc dùng Facebook để kêu gọi người dân tụ tập."),
    ],
)
def test_indictment_content_is_not_a_charge(extractor: Extractor, lang: str, text: str) -> None:
    assert types_of(extractor, text, lang) == []


def test_accused_of_a_named_charge_is_still_a_charge(extractor: Extractor) -> None:
    text = "Ông Vương Văn Khiêm bị cáo buộc tội tuyên truyền chống Nhà nước hôm 9/5/2023."
    assert full_of(extractor, text, "vi") == [("Vương Văn Khiêm", "charge", None, None, "2023-05-09")]


def test_accusation_after_the_charge_adds_no_event(extractor: Extractor) -> None:
    text = (
        "Ông Vương Văn Khiêm bị khởi tố ngày 9/5/2023. Khiêm, 44 tuổi, bị cáo buộc dùng Facebook để kêu gọi "
        "người dân tụ tập."
    )
    assert full_of(extractor, text, "vi") == [("Vương Văn Khiêm", "charge", None, None, "2023-05-09")]


# ---------------------------------------------------------------- 5. descriptors and minority names
def test_descriptor_then_named_person_in_next_sentence(extractor: Extractor) -> None:
    text = (
        "A court in Kon Tum has jailed a Montagnard Christian activist for seven years for helping villagers "
        "flee to Thailand. A Hyum, 41, was arrested in October 2021."
    )
    got = full_of(extractor, text, "en")
    assert ("A Hyum", "sentence", 84, None, None) in got
    assert ("A Hyum", "arrest", None, None, "2021-10") in got
    assert not any("Montagnard" in p for p, *_ in got)


def test_vietnamese_a_prefix_name(extractor: Extractor) -> None:
    text = "Ngày 9/5/2023, ông A Tưng bị tuyên phạt 5 năm tù về tội tổ chức cho người khác trốn đi nước ngoài."
    assert full_of(extractor, text, "vi") == [("A Tưng", "sentence", 60, None, "2023-05-09")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Activist A Hyum was detained.", "A Hyum"),
        ("A Hyum, 41, was detained.", "A Hyum"),
        ("Police detained Y Blir Mlo on Monday.", "Y Blir Mlo"),
        ("Police detained Rah Lan Chung on Monday.", "Rah Lan Chung"),
        ("Police detained Ksor Yum on Monday.", "Ksor Yum"),
        ("Police detained Puih Hlon on Monday.", "Puih Hlon"),
        ("Police detained Ro Mah Dlai on Monday.", "Ro Mah Dlai"),
    ],
)
def test_minority_names(text: str, name: str) -> None:
    assert name in [m[0] for m in find(text, "en")]


@pytest.mark.parametrize(
    "text",
    [
        "A Reuters reporter said Ha Van Thuan was detained.",
        "A Hanoi court jailed Ha Van Thuan.",
        "A Vietnamese court jailed Ha Van Thuan.",
    ],
)
def test_english_article_is_not_a_name(text: str) -> None:
    assert [m[0] for m in find(text, "en")] == ["Ha Van Thuan"]


# ---------------------------------------------------------------- 6. place names next to a person
def test_village_before_a_full_name_is_split_off(extractor: Extractor) -> None:
    text = "Nhà hoạt động Lộc Hưng Đặng Thị Huệ bị kết án 4 năm tù ngày 9/5/2023."
    assert full_of(extractor, text, "vi") == [("Đặng Thị Huệ", "sentence", 48, None, "2023-05-09")]


def test_name_with_a_family_name_inside_is_not_split() -> None:
    names = [m[0] for m in find("Bà Nguyễn Thị Kim Liên và ông Trần Huỳnh Duy Hiếu bị bắt.", "vi")]
    assert "Nguyễn Thị Kim Liên" in names and "Trần Huỳnh Duy Hiếu" in names


@pytest.mark.parametrize(
    "text",
    [
        "Bà Đặng Thị Huệ, cũng từ Lộc Hưng, bị kết án 4 năm tù.",
        "Ông Đặng Văn Hòa ở Đồng Xuân bị kết án 4 năm tù.",
        "Ông Đặng Văn Hòa, người xóm Mai Lâm, bị kết án 4 năm tù.",
    ],
)
def test_places_after_tu_o_xom_are_not_persons(extractor: Extractor, text: str) -> None:
    people = {p for p, _ in types_of(extractor, text, "vi")}
    assert len(people) == 1 and people <= {"Đặng Thị Huệ", "Đặng Văn Hòa"}


def test_that_before_a_name_is_not_a_place(extractor: Extractor) -> None:
    text = "Police demanded that Luong Van Hieu delete his posts and then arrested him on May 9, 2023."
    assert types_of(extractor, text, "en") == [("Luong Van Hieu", "arrest")]


# ---------------------------------------------------------------- 7. appeal rulings
def test_appeal_frees_one_and_reduces_another(extractor: Extractor) -> None:
    text = "Ngày 9/5/2023, Tòa phúc thẩm trả tự do cho ông Lục Văn Bảo, giảm án cho bà Tạ Thị Xuyến."
    assert types_of(extractor, text, "vi") == [
        ("Lục Văn Bảo", "appeal"),
        ("Lục Văn Bảo", "release"),
        ("Tạ Thị Xuyến", "appeal"),
    ]


def test_reduced_term_goes_to_the_appeal(extractor: Extractor) -> None:
    text = (
        "Ngày 9/5/2023, Tòa án cấp cao tại Hà Nội xử phúc thẩm vụ án. Mức án của bà Tạ Thị Xuyến được giảm từ "
        "6 năm xuống còn 2 năm 6 tháng tù, kèm 1 năm quản chế."
    )
    assert full_of(extractor, text, "vi") == [("Tạ Thị Xuyến", "appeal", 30, 12, "2023-05-09")]


@pytest.mark.parametrize(
    "text",
    [
        "On May 9, 2023, the appeals court cut Luc Van Bao's sentence from seven to three years.",
        "The appeals court reduced the sentence of Luc Van Bao from seven years to three years on May 9, 2023.",
    ],
)
def test_english_reduction_from_to(extractor: Extractor, text: str) -> None:
    assert full_of(extractor, text, "en") == [("Luc Van Bao", "appeal", 36, None, "2023-05-09")]


def test_cut_later_keeps_the_first_sentence(extractor: Extractor) -> None:
    text = "Luc Van Bao was jailed for nine years on May 9, 2019, but his sentence was later cut to three years."
    got = types_of(extractor, text, "en")
    assert ("Luc Van Bao", "sentence") in got


# ---------------------------------------------------------------- 8. death and life sentences
@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Quan Van Dinh was sentenced to death on May 9, 2023."),
        ("en", "The court sentenced Quan Van Dinh to life imprisonment on May 9, 2023."),
        ("en", "Quan Van Dinh was given life in prison on May 9, 2023."),
        ("vi", "Ngày 9/5/2023, Quan Văn Đình bị tuyên phạt tù chung thân."),
        ("vi", "Ngày 9/5/2023, Quan Văn Đình lãnh án tử hình."),
        ("vi", "Ngày 9/5/2023, Quan Văn Đăng nhận án tù chung thân."),
    ],
)
def test_life_and_death_sentences(extractor: Extractor, lang: str, text: str) -> None:
    got = full_of(extractor, text, lang)
    assert len(got) == 1 and got[0][1:] == ("sentence", None, None, "2023-05-09")


# ---------------------------------------------------------------- 9. jailed for
def test_has_jailed_for(extractor: Extractor) -> None:
    text = "A court in Thanh Hoa has jailed Bui Van Tham for six years."
    assert full_of(extractor, text, "en") == [("Bui Van Tham", "sentence", 72, None, None)]


# ---------------------------------------------------------------- 10. dates of the same proceeding, fines
@pytest.mark.parametrize(
    "text",
    [
        "On Tuesday, the People's Court of Ha Tinh province tried Bui Van Tham. Tham was sentenced to six years.",
        "On Tuesday, the court in Ha Tinh opened the trial. Bui Van Tham was sentenced to six years in prison.",
        "The court in Ha Tinh heard the case of Bui Van Tham on June 13, 2023. He was sentenced to six years.",
    ],
)
def test_sentence_takes_the_date_of_the_trial_in_the_previous_sentence(extractor: Extractor, text: str) -> None:
    got = full_of(extractor, text, "en")
    assert len(got) == 1 and got[0][1:] == ("sentence", 72, None, "2023-06-13")


def test_earlier_sentence_does_not_take_the_date(extractor: Extractor) -> None:
    text = (
        "On Tuesday, the court tried Bui Van Tham. He had earlier been sentenced to two years in a first-instance "
        "trial."
    )
    got = full_of(extractor, text, "en")
    assert all(date is None for _, kind, _, _, date in got if kind == "sentence")


def test_vietnamese_administrative_fine_is_other(extractor: Extractor) -> None:
    text = "Ông Bùi Văn Thắm bị phạt hành chính 5 triệu đồng hồi tháng 10/2020 vì các bài đăng trên Facebook."
    assert full_of(extractor, text, "vi") == [("Bùi Văn Thắm", "other", None, None, "2020-10")]


def test_name_that_looks_like_a_reporting_verb_keeps_the_date(extractor: Extractor) -> None:
    text = "Ngày 9/5/2023, Quan Văn Đăng bị tuyên phạt 3 năm tù."
    assert full_of(extractor, text, "vi") == [("Quan Văn Đăng", "sentence", 36, None, "2023-05-09")]


def test_postponed_prison_term_is_not_a_new_sentence(extractor: Extractor) -> None:
    text = (
        "Năm 2021, bà Lò Thị Vàng bị tuyên phạt 3 năm tù. Tháng 6 cùng năm, bà được tòa cho hoãn chấp hành án "
        "phạt tù 9 tháng để chăm sóc mẹ già."
    )
    assert full_of(extractor, text, "vi") == [("Lò Thị Vàng", "sentence", 36, None, None)]
