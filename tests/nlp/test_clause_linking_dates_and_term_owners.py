"""Error classes found on unseen passages, each with sentences written for these tests (the names,
places and numbers are made up): background mentions, future releases, court fines, contrast
clauses, datelines, "of that year", coordinated dates, term owners named after the term, upheld
outcomes without a name, case-level articles, object pronouns.
"""

from __future__ import annotations

from nlp.extract import Extractor
from nlp.resources import load_json
from tests.nlp.rows import type_rows
from tests.nlp.test_full_articles import events_of, find


def types_of(extractor: Extractor, text: str, lang: str, published: str | None = None) -> list[tuple[str, str]]:
    return type_rows(extractor, text, lang, published)


# ---------------------------------------------------------------- persons
def test_appositive_with_whose_is_still_a_person(extractor: Extractor) -> None:
    text = "Police arrested Lo Van Sang, a farmer whose YouTube channel has 10,000 subscribers, on Monday."
    assert types_of(extractor, text, "en", "2022-03-09") == [("Lo Van Sang", "arrest")]


def test_under_the_name_gives_an_alias() -> None:
    text = 'Tong Van Hiep, a teacher who wrote poems under the name "Tong Hiep Xu," was detained.'
    got = {m[0]: m for m in find(text, "en")}
    assert got["Tong Hiep Xu"][1] == "alias" and got["Tong Hiep Xu"][2] == "Tong Van Hiep"


def test_speaker_after_a_clause_is_the_last_noun_phrase(extractor: Extractor) -> None:
    # ", his sister told reporters": the sister speaks, not the person the sentence is about
    text = "Dao Van Khang was sentenced to two years in prison on Monday, his sister told reporters."
    assert events_of(extractor, text, "en", "2020-06-10") == [("Dao Van Khang", "sentence", 24, "2020-06-08", ())]


def test_straight_quotes_pair_in_order(extractor: Extractor) -> None:
    # the text between the closing quote of a short nickname and a later quotation is not a quotation
    text = (
        'Kim Van Hiep, known as "Hiep Xu," was sentenced to four years in prison on Monday, '
        'his sister told reporters after a "short and very tearful" visit.'
    )
    assert events_of(extractor, text, "en", "2020-06-10") == [("Kim Van Hiep", "sentence", 48, "2020-06-08", ())]


def test_object_pronoun_after_an_event_verb(extractor: Extractor) -> None:
    text = "Blogger Dinh Thi Hoa lives in Vinh. Police detained her on May 4, 2021 and charged her with tax evasion."
    got = types_of(extractor, text, "en", "2021-05-10")
    assert ("Dinh Thi Hoa", "arrest") in got and ("Dinh Thi Hoa", "charge") in got


def test_her_before_a_noun_is_a_possessive() -> None:
    text = "Ngo Thi Lan was not at home when police detained her husband."
    assert [m for m in find(text, "en") if m[1] == "pronoun"] == []


# ---------------------------------------------------------------- precision: not events
def test_court_fine_with_a_sentence_is_not_an_administrative_fine(extractor: Extractor) -> None:
    text = "The court sentenced Vi Van Khoa to two years in prison and fined him 20 million dong on Monday."
    assert types_of(extractor, text, "en", "2021-08-11") == [("Vi Van Khoa", "sentence")]


def test_administrative_fine_alone_is_other(extractor: Extractor) -> None:
    text = "Police in Hue fined blogger Ton Nu Mai 7.5 million dong on Friday for her Facebook posts."
    assert types_of(extractor, text, "en", "2021-08-15") == [("Ton Nu Mai", "other")]


def test_release_that_only_times_a_future_obligation(extractor: Extractor) -> None:
    text = (
        "Lam Thi Ngoc was sentenced to four years in prison. She will be on probation for two years after her release."
    )
    assert types_of(extractor, text, "en", "2021-01-05") == [("Lam Thi Ngoc", "sentence")]


def test_vietnamese_release_after_probation_clause(extractor: Extractor) -> None:
    text = "Ông Đinh Văn Toản bị tuyên phạt 5 năm tù, sẽ bị quản chế 2 năm sau khi mãn hạn tù."
    got = events_of(extractor, text, "vi", "2021-01-05")
    assert [(p, t) for p, t, *_ in got] == [("Đinh Văn Toản", "sentence")]


def test_contrast_clause_keeps_its_own_subject(extractor: Extractor) -> None:
    text = "Ta Van Loc is serving a six-year sentence imposed in March 2021, while Chu Minh Hoa was freed in April."
    got = types_of(extractor, text, "en", "2023-06-01")
    assert ("Ta Van Loc", "release") not in got and ("Chu Minh Hoa", "release") in got


def test_participle_on_another_noun_is_not_the_speakers_event(extractor: Extractor) -> None:
    text = '"Tran Bich Ngoc\'s only crime is her support for those already imprisoned," a friend said.'
    assert types_of(extractor, text, "en", "2022-01-01") == []


def test_person_under_another_verb_is_not_linked(extractor: Extractor) -> None:
    text = "Ha Quoc Binh was detained in May, weeks after he shared a post about the singer Le Van Nam."
    assert types_of(extractor, text, "en", "2022-07-01") == [("Ha Quoc Binh", "arrest")]


def test_background_mentions_without_detail(extractor: Extractor) -> None:
    en = "Vu Thi Nhu, who was once detained for her activism, was sentenced on Monday to three years in prison."
    assert types_of(extractor, en, "en", "2022-05-04") == [("Vu Thi Nhu", "sentence")]
    en2 = "Mac Van Tho was previously arrested and convicted. He was arrested again on June 3, 2021."
    assert types_of(extractor, en2, "en", "2021-06-10") == [("Mac Van Tho", "arrest")]
    vi = "Ông Hồ Đức Tân, người từng bị bắt giam năm 2012, vừa bị tuyên phạt 4 năm tù hôm 8/3."
    assert types_of(extractor, vi, "vi", "2022-03-10") == [("Hồ Đức Tân", "sentence")]


def test_background_with_a_term_is_labelled(extractor: Extractor) -> None:
    text = "Luu Van Chau previously received a nine-month jail sentence for his posts."
    assert events_of(extractor, text, "en", "2020-01-01") == [("Luu Van Chau", "sentence", 9, None, ())]


def test_completed_sentence_is_not_a_new_sentence(extractor: Extractor) -> None:
    text = "Prison officials released Ksor Bloh on Sunday after he completed a seven-year prison sentence."
    assert types_of(extractor, text, "en", "2024-09-03") == [("Ksor Bloh", "release")]


def test_conditional_conviction_is_not_an_event(extractor: Extractor) -> None:
    text = "If convicted, Quan Van Dong could face up to 15 years in prison."
    assert types_of(extractor, text, "en", "2024-09-03") == []


def test_lawyer_arguing_at_an_appeal_hearing_is_not_a_subject(extractor: Extractor) -> None:
    text = "Tại phiên phúc thẩm, luật sư Tạ Văn Khuê đề nghị tuyên bị cáo vô tội."
    assert types_of(extractor, text, "vi", "2022-01-01") == []


# ---------------------------------------------------------------- dates
def test_dateline_date_is_not_an_event_date(extractor: Extractor) -> None:
    text = "SAIGON, June 6 (AFP) - Police on Tuesday arrested activist Nong Van Kien in Cao Bang province."
    assert events_of(extractor, text, "en", "2024-06-06") == [("Nong Van Kien", "arrest", None, "2024-06-04", ())]


def test_month_of_that_year(extractor: Extractor) -> None:
    text = "Tieu Van Bao was arrested on May 2, 2016. He was sentenced to five years in prison in October of that year."
    got = events_of(extractor, text, "en", None)
    assert ("Tieu Van Bao", "sentence", 60, "2016-10", ()) in got


def test_vietnamese_same_year(extractor: Extractor) -> None:
    text = (
        "Tháng 3/2015, ông Lò Văn Thành bị tuyên phạt 3 năm tù. Tháng 9 cùng năm, tòa phúc thẩm y án đối với ông Thành."
    )
    got = events_of(extractor, text, "vi", "2020-01-01")
    assert ("Thành", "appeal", 36, "2015-09", ()) in got


def test_specific_date_beats_a_year(extractor: Extractor) -> None:
    text = "Từ năm 2016 đến khi bị bắt tháng 3/2021, Mạc Văn Sơn đăng nhiều bài viết."
    assert events_of(extractor, text, "vi", "2021-12-01") == [("Mạc Văn Sơn", "arrest", None, "2021-03", ())]


def test_each_clause_keeps_its_date(extractor: Extractor) -> None:
    text = "Khúc Văn Dũng bị bắt tạm giam từ ngày 2/4/2021; tháng 9/2021, VKSND tỉnh truy tố Dũng."
    got = events_of(extractor, text, "vi", "2021-12-01")
    assert ("Khúc Văn Dũng", "arrest", None, "2021-04-02", ()) in got
    assert ("Dũng", "charge", None, "2021-09", ()) in got


def test_coordinated_arrest_and_charge_share_the_date(extractor: Extractor) -> None:
    text = "Kha Van Tuan was arrested on March 9, 2020 and charged with abusing democratic freedoms."
    got = {(p, t): d for p, t, _, d, _ in events_of(extractor, text, "en", None)}
    assert got == {("Kha Van Tuan", "arrest"): "2020-03-09", ("Kha Van Tuan", "charge"): "2020-03-09"}


def test_later_charge_does_not_share_the_date(extractor: Extractor) -> None:
    text = "Kha Van Tuan was arrested on March 9, 2020 and later charged with abusing democratic freedoms."
    got = {(p, t): d for p, t, _, d, _ in events_of(extractor, text, "en", None)}
    assert got[("Kha Van Tuan", "charge")] is None


def test_charge_in_the_arrest_sentence_takes_the_arrest_date(extractor: Extractor) -> None:
    text = (
        "Police arrested Banh Thi Yen on Thursday. Officers took Ms. Yen into custody, charging her "
        "with tax evasion under Article 200."
    )
    got = {(p, t): d for p, t, _, d, _ in events_of(extractor, text, "en", "2023-05-06")}
    assert got[("Banh Thi Yen", "arrest")] == "2023-05-04"
    assert got[("Banh Thi Yen", "charge")] == "2023-05-04"


def test_also_takes_the_previous_sentence_date(extractor: Extractor) -> None:
    text = "Hôm 14/6, tòa phúc thẩm y án 6 năm tù đối với ông Giáp Văn Hòa. Ông Lục Văn Khang cũng bị y án 4 năm tù."
    got = events_of(extractor, text, "vi", "2019-06-20")
    assert ("Lục Văn Khang", "appeal", 48, "2019-06-14", ()) in got


def test_scheduled_trial_date_lies_after_publication(extractor: Extractor) -> None:
    text = "TAND tỉnh Hà Nam dự kiến mở phiên tòa xét xử bị cáo Vương Văn Tú vào ngày 3/2."
    assert events_of(extractor, text, "vi", "2024-12-20") == [("Vương Văn Tú", "trial", None, "2025-02-03", ())]


def test_trailing_attribution_does_not_take_the_date(extractor: Extractor) -> None:
    text = "Ông Mông Văn Sáu đã được trả tự do hôm 2/9, theo tin từ gia đình."
    assert events_of(extractor, text, "vi", "2023-09-05") == [("Mông Văn Sáu", "release", None, "2023-09-02", ())]


def test_theo_dieu_is_not_a_reporting_cue() -> None:
    data = load_json("triggers.json")
    import re

    rep = re.compile(data["reporting"]["vi"], re.IGNORECASE)
    assert rep.search("theo Điều 117") is None and rep.search("theo tin từ gia đình") is not None


def test_relative_year_after_numeric_date(extractor: Extractor) -> None:
    text = "Ông Lã Văn Hùng bị bắt hôm 10/11 năm ngoái."
    assert events_of(extractor, text, "vi", "2023-07-15") == [("Lã Văn Hùng", "arrest", None, "2022-11-10", ())]


# ---------------------------------------------------------------- linking and terms
def test_con_starts_a_new_subject(extractor: Extractor) -> None:
    text = "Ông Tô Văn An bị bắt vào tháng 2/2019, còn ông Kiều Văn Bình bị bắt vào tháng 5/2019."
    got = events_of(extractor, text, "vi", "2020-01-01")
    assert got == [("Kiều Văn Bình", "arrest", None, "2019-05", ()), ("Tô Văn An", "arrest", None, "2019-02", ())]


def test_term_owner_named_after_doi_voi(extractor: Extractor) -> None:
    text = (
        "Hôm 9/10, tòa phúc thẩm giảm án cho ông Âu Văn Lợi xuống còn 4 năm tù, "
        "và giữ nguyên bản án 9 năm tù đối với bà Phí Thị Mơ."
    )
    got = events_of(extractor, text, "vi", "2020-10-12")
    assert ("Âu Văn Lợi", "appeal", 48, "2020-10-09", ()) in got
    assert ("Phí Thị Mơ", "appeal", 108, "2020-10-09", ()) in got


def test_term_owner_after_imposed_on(extractor: Extractor) -> None:
    text = "An appeals court upheld the eight-year prison sentence imposed on land activist Thai Van Dung."
    assert events_of(extractor, text, "en", None) == [("Thai Van Dung", "appeal", 96, None, ())]


def test_cung_bi_shares_the_term(extractor: Extractor) -> None:
    text = "TAND tỉnh tuyên phạt ông Lương Văn Tám 8 năm tù, ông Mai Văn Chín và ông Đàm Văn Mười cùng bị 5 năm tù."
    got = {p: m for p, _, m, _, _ in events_of(extractor, text, "vi", "2020-10-12")}
    assert got == {"Lương Văn Tám": 96, "Mai Văn Chín": 60, "Đàm Văn Mười": 60}


def test_upheld_outcome_without_a_name(extractor: Extractor) -> None:
    text = (
        "Sáng 4/3, TAND Cấp cao mở phiên phúc thẩm xét xử bị cáo Châu Văn Lâm. Trước đó, TAND tỉnh tuyên phạt "
        "Lâm 7 năm tù. Luật sư bào chữa Mai Thị Hạnh cho rằng bị cáo vô tội. HĐXX tuyên y án sơ thẩm."
    )
    got = events_of(extractor, text, "vi", "2021-03-05")
    assert ("Châu Văn Lâm", "appeal", 84, "2021-03-04", ()) in got


def test_case_level_article(extractor: Extractor) -> None:
    text = (
        "Tòa phúc thẩm hôm 2/6 y án 6 năm tù đối với ông Hà Văn Lực. "
        "Trước đó, tòa sơ thẩm đã xét xử vụ án theo Điều 88 BLHS 1999."
    )
    got = events_of(extractor, text, "vi", "2015-06-05")
    assert got == [("Hà Văn Lực", "appeal", 72, "2015-06-02", (88,))]


def test_article_of_a_statutory_range_sentence_ties_the_case(extractor: Extractor) -> None:
    text = (
        "A court on Monday sentenced Lieu Van Toan to four years in prison. Under Article 117, "
        "Toan had faced up to 12 years."
    )
    assert events_of(extractor, text, "en", "2023-02-08") == [("Lieu Van Toan", "sentence", 48, "2023-02-06", (117,))]


def test_initiated_proceedings_is_a_charge(extractor: Extractor) -> None:
    text = "Police on May 3 initiated criminal proceedings against Hua Van Nghia and issued a warrant for his arrest."
    got = types_of(extractor, text, "en", "2024-05-06")
    assert got == [("Hua Van Nghia", "arrest"), ("Hua Van Nghia", "charge")]


def test_term_owner_after_handed_down_with_a_date(extractor: Extractor) -> None:
    text = "The group condemned the four-year prison sentence handed down on Monday to Vietnamese blogger Dam Van Hieu."
    assert events_of(extractor, text, "en", "2024-04-10") == [("Dam Van Hieu", "sentence", 48, "2024-04-08", ())]
