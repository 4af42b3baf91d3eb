"""Sentence shapes that real reporting uses and the extractor used to miss (issue: extraction on real
reporting): name lists split by the parser, hard-wrapped lines, day-month dates, "arrested on charges of",
terms named before their owner, one term for a coordinated list, verdict lists dated by the proceeding a few
sentences earlier, accusations that only restate a case, subjects that name no one, a trial named as a time.

Every sentence here was written for these tests; the names, places and numbers are made up.
"""

from __future__ import annotations

import pytest

from nlp.extract import Extractor
from nlp.unwrap import unwrap_lines
from tests.nlp.rows import full_rows, type_rows


def full_of(extractor: Extractor, text: str, lang: str, published: str | None = "2024-11-20") -> list[tuple]:
    return full_rows(extractor, text, lang, published)


def types_of(extractor: Extractor, text: str, lang: str, published: str | None = "2024-11-20") -> list[tuple]:
    return type_rows(extractor, text, lang, published)


def test_a_long_name_list_after_another_paragraph_stays_one_sentence(extractor: Extractor) -> None:
    text = (
        "The assembly debated the situation of rights defenders in the region.\n"
        "On 3 February 2022, bloggers and writers Kha Van Tien, Luu Thi Mai and Quach Van Hien, members of an "
        "independent writers' club, were sentenced to prison terms of 9, 7 and 7 years respectively by a "
        "provincial court."
    )
    assert full_of(extractor, text, "en", None) == [
        ("Kha Van Tien", "sentence", 108, None, "2022-02-03"),
        ("Luu Thi Mai", "sentence", 84, None, "2022-02-03"),
        ("Quach Van Hien", "sentence", 84, None, "2022-02-03"),
    ]


def test_hard_wrapped_lines_are_joined_with_offsets_kept() -> None:
    text = (
        "Toa an tinh Bac Giang da tuyen phat ong Kha Van Tien muoi nam tu\n"
        "va bon nam quan che vi toi tuyen truyen chong Nha nuoc, trong khi do\n"
        "ba Luu Thi Mai bi phat bay nam tu giam theo cung toi danh nay nhe.\n"
        "Short line.\n"
    )
    joined = unwrap_lines(text)
    assert len(joined) == len(text)
    assert joined.count("\n") == 2  # the two sentence ends stay line breaks
    assert "muoi nam tu va bon" in joined


def test_text_with_short_lines_is_left_alone() -> None:
    text = "Headline of the day\nHANOI, May 3 - Police arrested a blogger.\nSecond paragraph here."
    assert unwrap_lines(text) == text


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Police arrested Kha Van Tien in Bac Giang province on 14 March.", "2024-03-14"),
        ("Kha Van Tien was arrested on the 2nd of October.", "2024-10-02"),
    ],
)
def test_day_before_month_without_a_year(extractor: Extractor, text: str, date: str) -> None:
    assert full_of(extractor, text, "en") == [("Kha Van Tien", "arrest", None, None, date)]


def test_vietnamese_date_with_month_word_and_comma_year(extractor: Extractor) -> None:
    text = "Tòa tuyên phạt ông Kha Văn Tiến 9 năm tù hôm 12 Tháng Mười, 2019."
    assert full_of(extractor, text, "vi", None) == [("Kha Văn Tiến", "sentence", 108, None, "2019-10-12")]


def test_arrested_on_charges_of_is_an_arrest_and_a_charge(extractor: Extractor) -> None:
    text = "Kha Van Tien was arrested in June 2021 on charges of conducting propaganda under Article 117."
    assert full_of(extractor, text, "en") == [
        ("Kha Van Tien", "arrest", None, None, "2021-06"),
        ("Kha Van Tien", "charge", None, None, "2021-06"),
    ]


def test_sentenced_on_charges_of_is_a_sentence_only(extractor: Extractor) -> None:
    text = "Kha Van Tien was sentenced to six years in prison on charges of conducting propaganda."
    assert types_of(extractor, text, "en") == [("Kha Van Tien", "sentence")]


def test_arrested_charged_and_taken_into_custody(extractor: Extractor) -> None:
    text = "Kha Van Tien and Luu Thi Mai were arrested, charged and taken into custody on 9 April."
    assert types_of(extractor, text, "en") == [
        ("Kha Van Tien", "arrest"),
        ("Kha Van Tien", "charge"),
        ("Luu Thi Mai", "arrest"),
        ("Luu Thi Mai", "charge"),
    ]


def test_active_charged_with_a_person_object(extractor: Extractor) -> None:
    text = "The provincial security police charged Kha Van Tien and Luu Thi Mai under Article 331 on Monday."
    assert types_of(extractor, text, "en") == [("Kha Van Tien", "charge"), ("Luu Thi Mai", "charge")]


def test_terms_named_before_their_owners(extractor: Extractor) -> None:
    text = (
        "The court imposed sentences of four years and six months to Kha Van Tien, three years to Luu Thi Mai, "
        "and two years to Quach Van Hien, with probation for the next 12 months for all three."
    )
    assert full_of(extractor, text, "en") == [
        ("Kha Van Tien", "sentence", 54, 12, None),
        ("Luu Thi Mai", "sentence", 36, 12, None),
        ("Quach Van Hien", "sentence", 24, 12, None),
    ]


def test_one_term_after_a_coordinated_list(extractor: Extractor) -> None:
    text = "HĐXX tuyên phạt các bị cáo Kha Văn Tiến, Lưu Thị Mai, Quách Văn Hiền mức án 6 năm tù giam."
    assert full_of(extractor, text, "vi", None) == [
        ("Kha Văn Tiến", "sentence", 72, None, None),
        ("Lưu Thị Mai", "sentence", 72, None, None),
        ("Quách Văn Hiền", "sentence", 72, None, None),
    ]


def test_semicolon_inside_brackets_keeps_the_clause(extractor: Extractor) -> None:
    text = (
        "Tòa tuyên phạt bị cáo Kha Văn Tiến (SN 1990; ngụ quận 3) 8 năm tù; Lưu Thị Mai (SN 1992; ngụ quận 5) 6 năm tù."
    )
    assert full_of(extractor, text, "vi", None) == [
        ("Kha Văn Tiến", "sentence", 96, None, None),
        ("Lưu Thị Mai", "sentence", 72, None, None),
    ]


def test_verdict_list_takes_the_date_of_the_hearing_sentences_earlier(extractor: Extractor) -> None:
    text = (
        "Ngày 14/8, TAND tỉnh Bắc Giang mở phiên tòa xét xử vụ án tuyên truyền chống Nhà nước. "
        "Đây là vụ án nghiêm trọng. "
        "Tòa tuyên phạt bị cáo Kha Văn Tiến 8 năm tù, bị cáo Lưu Thị Mai 6 năm tù."
    )
    got = full_of(extractor, text, "vi", "2024-08-15")
    assert ("Kha Văn Tiến", "sentence", 96, None, "2024-08-14") in got
    assert ("Lưu Thị Mai", "sentence", 72, None, "2024-08-14") in got


def test_same_charge_carries_the_article_to_another_court(extractor: Extractor) -> None:
    text = (
        "A Bac Giang court convicted Kha Van Tien of abusing democratic freedoms under Article 331 on Tuesday. "
        "Last month, a court in a neighbouring province sentenced Luu Thi Mai to two years on the same charge."
    )
    got = {
        (e.person, e.event_type): [c.article for c in e.charges] for e in extractor.extract(text, "en", "2024-11-20")
    }
    assert got[("Luu Thi Mai", "sentence")] == [331]


def test_an_accusation_restating_the_case_is_no_charge(extractor: Extractor) -> None:
    text = "Ông Kha Văn Tiến, 50 tuổi, bị cáo buộc tội tuyên truyền chống Nhà nước theo Điều 117."
    assert types_of(extractor, text, "vi") == []


@pytest.mark.parametrize(
    "text",
    [
        "Ông Kha Văn Tiến bị bắt và bị cáo buộc tội tuyên truyền chống Nhà nước theo Điều 117.",
        "Ông Kha Văn Tiến bị Công an tỉnh Bắc Giang cáo buộc tội tuyên truyền chống Nhà nước theo Điều 117.",
    ],
)
def test_an_accusation_with_an_arrest_or_an_authority_is_a_charge(extractor: Extractor, text: str) -> None:
    assert ("Kha Văn Tiến", "charge") in types_of(extractor, text, "vi")


def test_a_witness_is_not_the_one_detained(extractor: Extractor) -> None:
    text = (
        "Speaking at a hearing chaired by Senator Quach Van Hien, Ms. Luu Thi Mai said that her brother has been "
        "detained for three months after being arrested in August."
    )
    assert types_of(extractor, text, "en") == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "After the trial, Kha Van Tien and Luu Thi Mai told reporters they would appeal."),
        ("vi", "Ngay sau phiên tòa, luật sư Kha Văn Tiến trao đổi với phóng viên về bản án."),
    ],
)
def test_a_trial_named_as_a_point_in_time_is_no_trial_event(extractor: Extractor, lang: str, text: str) -> None:
    assert [t for t in types_of(extractor, text, lang) if t[1] == "trial"] == []


def test_a_counted_group_is_the_persons_named_next(extractor: Extractor) -> None:
    text = (
        "A court sentenced a Buddhist monk and two activists to four years in prison on charges of 'abusing "
        "democratic freedoms' under Article 331 on 12 November. Kha Van Tien, Luu Thi Mai and Quach Van Hien "
        "had been arrested in March."
    )
    got = [x for x in full_of(extractor, text, "en") if x[1] == "sentence"]
    assert got == [
        ("Kha Van Tien", "sentence", 48, None, "2024-11-12"),
        ("Luu Thi Mai", "sentence", 48, None, "2024-11-12"),
        ("Quach Van Hien", "sentence", 48, None, "2024-11-12"),
    ]


def test_terms_of_a_list_without_a_trigger_reach_each_owner(extractor: Extractor) -> None:
    text = (
        "The appeals court on Monday rejected the appeals of three members of the group. Under the ruling, "
        "Kha Van Tien has to serve six years in prison, while Luu Thi Mai and Quach Van Hien have to spend four "
        "years behind bars."
    )
    got = [x for x in full_of(extractor, text, "en") if x[1] == "appeal"]
    assert got == [
        ("Kha Van Tien", "appeal", 72, None, "2024-11-18"),
        ("Luu Thi Mai", "appeal", 48, None, "2024-11-18"),
        ("Quach Van Hien", "appeal", 48, None, "2024-11-18"),
    ]


@pytest.mark.parametrize(
    ("lang", "text", "person", "date"),
    [
        (
            "vi",
            "Ngày 11/11, tòa tuyên phạt ông Kha Văn Tiến 10 năm tù. Bốn ngày sau đó, tòa án tỉnh Nghệ An đã kết "
            "án ông Lưu Văn Mai 11 năm tù.",
            "Lưu Văn Mai",
            "2024-11-15",
        ),
        (
            "en",
            "Police arrested Kha Van Tien on November 2. Two days later, they arrested Luu Van Mai.",
            "Luu Van Mai",
            "2024-11-04",
        ),
    ],
)
def test_days_later_counts_from_the_day_named_before(
    extractor: Extractor, lang: str, text: str, person: str, date: str
) -> None:
    assert [x[4] for x in full_of(extractor, text, lang) if x[0] == person] == [date]


def test_the_speaker_of_an_interview_line_is_no_party(extractor: Extractor) -> None:
    text = (
        "Luật sư Kha Văn Tiến: Trong vụ này, có 2 người bị 9 năm tù và 3 năm quản chế bao gồm Lưu Văn Mai và "
        "Quách Thị Hiền."
    )
    assert full_of(extractor, text, "vi", None) == [
        ("Lưu Văn Mai", "sentence", 108, 36, None),
        ("Quách Thị Hiền", "sentence", 108, 36, None),
    ]


def test_a_total_belongs_to_its_own_verdict_not_an_earlier_one(extractor: Extractor) -> None:
    text = (
        "Sau khi bắt giữ ông Kha Văn Tiến và giữ nguyên án tù đối với hai ông Lưu Văn Mai và Quách Văn Hiền "
        "trong tuần trước, nhà cầm quyền tiếp tục kết án 4 nhà hoạt động khác với tổng mức án 30 năm tù."
    )
    assert types_of(extractor, text, "vi", "2019-11-17") == [
        ("Kha Văn Tiến", "arrest"),
        ("Lưu Văn Mai", "appeal"),
        ("Quách Văn Hiền", "appeal"),
    ]


def test_birth_years_are_no_event_dates_and_a_shared_term_reaches_the_list(extractor: Extractor) -> None:
    text = (
        "Hôm 12/4, Tòa án tỉnh Bắc Giang mở phiên tòa xét xử vụ án. Đây là vụ án nghiêm trọng. Tòa tuyên phạt "
        "bị cáo Kha Văn Tiến (sinh năm 1960) 5 năm tù, hai bị cáo còn lại là Lưu Thị Mai, sinh năm 1962, quê "
        "Hà Nam và Quách Thị Hiền, sinh năm 1963, đều chịu mức án 3 năm tù giam."
    )
    got = full_of(extractor, text, "vi", "2016-04-13")
    assert ("Kha Văn Tiến", "sentence", 60, None, "2016-04-12") in got
    assert ("Lưu Thị Mai", "sentence", 36, None, "2016-04-12") in got
    assert ("Quách Thị Hiền", "sentence", 36, None, "2016-04-12") in got


def test_an_upheld_appeal_of_a_counted_group_keeps_each_first_instance_term(extractor: Extractor) -> None:
    text = (
        "Hanoi, May 9, 2019–The group condemned an appeals court ruling yesterday to uphold the convictions of two "
        "bloggers.\n\nKha Van Tien and Luu Thi Mai were sentenced in January to six and four years in prison "
        "respectively."
    )
    got = [x for x in full_of(extractor, text, "en", "2019-05-09") if x[1] == "appeal"]
    assert got == [
        ("Kha Van Tien", "appeal", 72, None, "2019-05-08"),
        ("Luu Thi Mai", "appeal", 48, None, "2019-05-08"),
    ]


def test_a_scheduled_hearing_of_a_case_is_a_trial(extractor: Extractor) -> None:
    text = "A court in Hanoi is scheduled to hear the case of Kha Van Tien on September 16, 2024."
    assert ("Kha Van Tien", "trial", None, None, "2024-09-16") in full_of(extractor, text, "en", "2024-09-12")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Police arrested Kha Van Tien in May. A court is scheduled to hear his case on September 16, 2024.",
            ("Kha Van Tien", "trial", None, None, "2024-09-16"),
        ),
        (
            "Luu Thi Mai had served most of her term. Her family announced her early release on Sept. 20, 2024.",
            ("Luu Thi Mai", "release", None, None, "2024-09-20"),
        ),
    ],
)
def test_the_possessor_of_an_event_noun_is_its_participant(extractor: Extractor, text: str, expected: tuple) -> None:
    assert expected in full_of(extractor, text, "en", "2024-09-21")


def test_a_relative_of_the_possessor_is_not_the_participant(extractor: Extractor) -> None:
    text = "Kha Van Tien spoke to reporters. He said his wife's arrest in May was unjust."
    assert ("Kha Van Tien", "arrest") not in types_of(extractor, text, "en")


def test_a_street_after_a_house_number_is_no_person(extractor: Extractor) -> None:
    text = (
        "Công an đã khởi tố bị can, bắt tạm giam đối với Kha Thị Mai (thường trú 17-19 Lưu Văn Tiến, quận 1) "
        "theo Điều 331."
    )
    assert types_of(extractor, text, "vi") == [("Kha Thị Mai", "arrest"), ("Kha Thị Mai", "charge")]


def test_a_counted_group_is_the_passive_subject(extractor: Extractor) -> None:
    text = "Liên quan đến vụ Kha Thị Mai, đến nay đã có 12 bị can bị khởi tố theo điều 331."
    assert types_of(extractor, text, "vi") == []


def test_a_relative_clause_on_the_noun_describing_a_person(extractor: Extractor) -> None:
    text = "Ms. Luu Thi Mai is a land rights activist from Duong Noi who was sentenced to 20 months in prison in May."
    assert full_of(extractor, text, "en") == [("Luu Thi Mai", "sentence", 20, None, "2024-05")]


def test_found_guilty_across_a_long_list_and_every_for_the_group(extractor: Extractor) -> None:
    text = (
        "On October 5, the court found campaigners Kha Van Tien, Luu Van Mai, Quach Van Hien and Dinh Van Loc "
        "guilty under Article 79. Mr. Tien was given 12 years in prison, Mr. Mai 10 years, Mr. Hien 9 years and "
        "Mr. Loc eight years. In addition, every was given two years of probation."
    )
    got = full_of(extractor, text, "en", "2018-10-07")
    assert ("Kha Van Tien", "sentence", 144, 24, "2018-10-05") in got
    assert ("Dinh Van Loc", "sentence", 96, 24, "2018-10-05") in got


def test_a_half_year_written_with_the_fraction_sign(extractor: Extractor) -> None:
    assert full_of(extractor, "Luu Van Mai was sentenced to 6½ years in prison.", "en") == [
        ("Luu Van Mai", "sentence", 78, None, None)
    ]


def test_a_term_reduced_on_appeal_keeps_the_unit(extractor: Extractor) -> None:
    text = "Luu Van Mai was jailed for nine years in June 2012, reduced to six on appeal, for propaganda."
    assert full_of(extractor, text, "en") == [
        ("Luu Van Mai", "appeal", 72, None, None),
        ("Luu Van Mai", "sentence", 108, None, "2012-06"),
    ]


def test_a_verdict_of_the_appellate_court_is_an_appeal(extractor: Extractor) -> None:
    text = "Ngày 4-4-2024, TAND cấp cao tại TP HCM đã tuyên phạt Lưu Thị Mai 3 năm tù."
    assert full_of(extractor, text, "vi", "2024-08-01") == [("Lưu Thị Mai", "appeal", 36, None, "2024-04-04")]


def test_a_verdict_list_after_a_deportation_clause(extractor: Extractor) -> None:
    text = (
        "Tòa đã kết án ông Khảm với mức án 12 năm tù và bị trục xuất sau khi mãn hạn, ông Viên- 11 năm tù và "
        "ông Quyền- 10 năm tù. Hai ông còn phải thi hành án quản chế 5 năm sau đó."
    )
    assert full_of(extractor, text, "vi", None) == [
        ("Khảm", "sentence", 144, None, None),
        ("Quyền", "sentence", 120, 60, None),
        ("Viên", "sentence", 132, 60, None),
    ]


def test_a_release_verb_with_a_document_as_object_is_no_release(extractor: Extractor) -> None:
    text = "The procuracy on June 25 released indictments accusing Kha Van Tien and Luu Van Mai of murder."
    assert [t for t in types_of(extractor, text, "en") if t[1] == "release"] == []


def test_a_wanted_notice_is_an_arrest_order_dated_after_a_reporting_that(extractor: Extractor) -> None:
    text = "Bản tin ghi rằng vào hôm 12/05/2017, công an tỉnh ra quyết định truy nã toàn quốc đối với ông Kha Văn Tiến."
    assert full_of(extractor, text, "vi", None) == [("Kha Văn Tiến", "arrest", None, None, "2017-05-12")]


def test_without_publication_the_latest_full_date_gives_the_year(extractor: Extractor) -> None:
    text = (
        "Tổ chức RSF ngày 25/01/2017 đã lên tiếng về các vụ bắt giữ. Blogger Kha Thị Mai bị bắt tại nhà riêng "
        "ngày 21 tháng Giêng."
    )
    assert full_of(extractor, text, "vi", None) == [("Kha Thị Mai", "arrest", None, None, "2017-01-21")]


def test_released_is_phong_thich(extractor: Extractor) -> None:
    text = "Blogger Kha Thị Mai đã được phóng thích khỏi nhà tù ở Thanh Hóa vào trưa ngày 17/10."
    assert full_of(extractor, text, "vi", "2018-10-20") == [("Kha Thị Mai", "release", None, None, "2018-10-17")]


def test_a_single_name_the_model_calls_a_person(extractor: Extractor) -> None:
    text = (
        "On 2 October 2013, the court ruled in a one-day trial that Quan had failed to pay income tax. He was given "
        "a 30-month prison sentence."
    )
    assert full_of(extractor, text, "en", None) == [("Quan", "sentence", 30, None, "2013-10-02")]


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("Kha Van Tien was sentenced on Friday to five more years on a second charge.", 60),
        ("A Hanoi court in July 2021 passed down a five-year and six-month jail on Kha Van Tien.", 66),
    ],
)
def test_more_years_and_compound_adjectival_terms(extractor: Extractor, text: str, months: int) -> None:
    assert [x[2] for x in full_of(extractor, text, "en")] == [months]


def test_an_unnamed_defendant_is_the_one_named_two_sentences_later(extractor: Extractor) -> None:
    text = (
        "A noodle vendor was sentenced to five and a half years in prison on Thursday. The conviction is the "
        "latest in a campaign. A video of Kha Van Tien, 39, went viral in 2021."
    )
    assert full_of(extractor, text, "en", "2023-05-25") == [("Kha Van Tien", "sentence", 66, None, "2023-05-25")]


def test_a_release_that_only_times_a_probation_is_no_event(extractor: Extractor) -> None:
    text = "Ngoài ra, sau khi mãn hạn tù, bị cáo Lô Thanh Tiến còn phải chấp hành hình phạt quản chế hai năm."
    assert [t for t in types_of(extractor, text, "vi") if t[1] == "release"] == []


def test_they_are_the_persons_of_the_previous_sentence(extractor: Extractor) -> None:
    text = (
        "Under the ruling, Kha Van Tien has to serve six years in prison while Luu Van Mai has to spend four years "
        "behind bars. They were arrested in early September 2018 on the allegation of subversion under Article 79."
    )
    got = [x for x in types_of(extractor, text, "en") if x[1] in ("arrest", "charge")]
    assert got == [
        ("Kha Van Tien", "arrest"),
        ("Kha Van Tien", "charge"),
        ("Luu Van Mai", "arrest"),
        ("Luu Van Mai", "charge"),
    ]


def test_a_speaker_after_a_dash_apposition_and_others_named_after_them(extractor: Extractor) -> None:
    text = (
        "Kha Van Tien was given a 16-year prison term. Others received prison terms of five and six years. "
        "Luu Thi Mai—niece of the village leader—told reporters on Monday that she was not surprised by the outcome."
    )
    assert types_of(extractor, text, "en") == [("Kha Van Tien", "sentence")]


def test_a_lower_case_line_start_continues_the_sentence(extractor: Extractor) -> None:
    text = (
        "Tòa án tỉnh hôm thứ Ba ra án tù dài hạn\ncho ba nhà báo với tội danh tuyên truyền chống Nhà nước, quy "
        "định tại Điều 117.\nÔng Kha Văn Tiến bị mức án 9 năm tù, ông Lưu Văn Mai 7 năm, và\nông Quách Văn Hiền 7 năm."
    )
    got = {
        e.person: (e.prison_months, [c.article for c in e.charges if c.article], e.date)
        for e in extractor.extract(text, "vi", "2021-01-05")
    }
    assert got == {
        "Kha Văn Tiến": (108, [117], "2021-01-05"),
        "Lưu Văn Mai": (84, [117], "2021-01-05"),
        "Quách Văn Hiền": (84, [117], "2021-01-05"),
    }


def test_verdicts_told_after_a_group_verdict_for_the_same_charge(extractor: Extractor) -> None:
    text = (
        "The court on April 5 handed down a jail sentence of 15 years to Kha Van Tien under Article 79. "
        "Other three defendants got jail terms ranging from 7-12 years for the same charge. "
        "Accordingly, Luu Van Mai, born in 1972, will spend 7 years behind bars and one year under house arrest."
    )
    got = {
        e.person: (e.event_type, e.prison_months, [c.article for c in e.charges])
        for e in extractor.extract(text, "en", "2018-04-06")
    }
    assert got["Luu Van Mai"] == ("sentence", 84, [79])


def test_an_appeal_court_maintained_the_sentences(extractor: Extractor) -> None:
    text = "The appeals court in Hanoi on July 10 maintained the prison sentences of Kha Van Tien and Luu Van Mai."
    assert types_of(extractor, text, "en", "2018-07-12") == [("Kha Van Tien", "appeal"), ("Luu Van Mai", "appeal")]


def test_a_minority_name_with_a_prefix_and_a_sentence_without_subject(extractor: Extractor) -> None:
    text = (
        "A Tien was arrested on August 18, 2016, shortly after his return. On April 28, 2017 was sentenced to 5 years "
        "in prison."
    )
    assert full_of(extractor, text, "en", None) == [
        ("A Tien", "arrest", None, None, "2016-08-18"),
        ("A Tien", "sentence", 60, None, "2017-04-28"),
    ]


def test_and_half_years_without_the_article(extractor: Extractor) -> None:
    assert full_of(extractor, "Luu Van Mai was sentenced to three and half years in prison.", "en") == [
        ("Luu Van Mai", "sentence", 42, None, None)
    ]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Ngày 30/2, ông Kha Văn Tiến bị bắt. Hai ngày sau đó, ông Lưu Văn Mai bị bắt.", "vi"),
        ("Police arrested Kha Van Tien on February 30. Two days later, they arrested Luu Van Mai.", "en"),
    ],
)
def test_days_later_after_an_impossible_date_counts_nothing(extractor: Extractor, text: str, lang: str) -> None:
    assert [x[4] for x in full_of(extractor, text, lang)] == [None, None]


def test_a_capitalised_honorific_inside_a_sentence_is_part_of_a_name(extractor: Extractor) -> None:
    text = "Tòa tuyên phạt bị cáo Kha Thị Mai (trú ở huyện Xuyên Mộc, tỉnh Bà Rịa - Vũng Tàu) 8 năm tù."
    assert full_of(extractor, text, "vi", None) == [("Kha Thị Mai", "sentence", 96, None, None)]


def test_a_list_of_persons_across_semicolons_and_a_counted_reference(extractor: Extractor) -> None:
    text = (
        "Bộ Công an bắt tạm giam các ông Kha Văn Tiến, 45 tuổi; Lưu Văn Mai, 45 tuổi; và Quách Văn Hiền, 57 tuổi. "
        "Bộ nói 3 người kể trên bị khởi tố theo Điều 79."
    )
    assert types_of(extractor, text, "vi") == [
        ("Kha Văn Tiến", "arrest"),
        ("Kha Văn Tiến", "charge"),
        ("Lưu Văn Mai", "arrest"),
        ("Lưu Văn Mai", "charge"),
        ("Quách Văn Hiền", "arrest"),
        ("Quách Văn Hiền", "charge"),
    ]


def test_a_relative_given_a_term_of_their_own_is_a_defendant(extractor: Extractor) -> None:
    text = "The court sentenced Kha Van Tien, 49, to 12 years in prison and his son Luu Van Mai, 28, to seven years."
    assert [x[:3] for x in full_of(extractor, text, "en")] == [
        ("Kha Van Tien", "sentence", 144),
        ("Luu Van Mai", "sentence", 84),
    ]


def test_their_arrest_is_the_arrest_of_the_persons_named_before(extractor: Extractor) -> None:
    text = "Kha Van Tien and Luu Van Mai were sentenced to four years each. Their arrest in June drew protests."
    assert [x for x in types_of(extractor, text, "en") if x[1] == "arrest"] == [
        ("Kha Van Tien", "arrest"),
        ("Luu Van Mai", "arrest"),
    ]


def test_a_pronoun_that_names_no_one_leaves_the_term_to_the_unnamed_defendant(extractor: Extractor) -> None:
    text = (
        "Vietnam has convicted a journalist of assault and sentenced her to three-and-a-half years in prison after "
        "she disrupted her trial. Kha Thi Mai, 49, was sentenced on Friday after a Hanoi court found her guilty."
    )
    assert [x[:3] for x in full_of(extractor, text, "en", None)] == [("Kha Thi Mai", "sentence", 42)]


def test_an_appeals_court_confirmed_sentences_issued_to_a_person(extractor: Extractor) -> None:
    text = (
        "The Supreme People's Court in Hanoi confirmed a four-year sentence against Kha Van Tien, a poet, and a "
        "three-year sentence issued to former teacher Luu Van Mai."
    )
    assert [x[:3] for x in full_of(extractor, text, "en")] == [
        ("Kha Van Tien", "appeal", 48),
        ("Luu Van Mai", "appeal", 36),
    ]
