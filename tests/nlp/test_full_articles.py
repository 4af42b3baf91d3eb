"""Patterns that full news articles (headlines, bylines, NGO staff quotes, outlet names) bring in.

Every passage here was written for these tests; the names and places are made up or changed.
"""

from __future__ import annotations

import re

import pytest

from nlp.events_common import merge_charges
from nlp.extract import Extractor
from nlp.mentions import ChargeMention
from nlp.names import NameLexicon
from nlp.person_finder import PersonFinder
from nlp.resources import load_json


def lexicon(lang: str) -> NameLexicon:
    return NameLexicon.from_data(load_json("names.json"), load_json("roles.json"), load_json("numbers.json"), lang)


def find(text: str, lang: str) -> list[tuple[str, str, str | None, str | None]]:
    """(text, kind, full, excluded) of the person mentions, without the model's entities."""
    sents = [(m.start(), m.end()) for m in re.finditer(r"[^.!?]+[.!?]*", text)]
    return [(m.text, m.kind, m.full, m.excluded) for m in PersonFinder(lexicon(lang), lang).find(text, sents)]


def events_of(extractor: Extractor, text: str, lang: str, published: str | None = None) -> list[tuple]:
    return sorted(
        (e.person, e.event_type, e.prison_months, e.date, tuple(e.charge_articles))
        for e in extractor.extract(text, lang, published)
    )


# ---------------------------------------------------------------- 1. speakers are not subjects
@pytest.mark.parametrize(
    "text",
    [
        '"Jailing a poet for his verses shows how afraid the authorities are," said Martina Kessler of '
        "Freedom Monitor Sample. Police arrested Dinh Van Loc in Vinh on April 2, 2022.",
        '"These sentences are meant to silence everyone," said Martina Kessler, Asia director at Freedom '
        "Monitor Sample. The court sentenced Dinh Van Loc to six years in prison on April 2, 2022.",
        "Police arrested Dinh Van Loc in Vinh on April 2, 2022. Freedom Monitor Sample urged the release of "
        'Loc. "Two arrests in one week send a chilling message," said Martina Kessler.',
    ],
)
def test_ngo_speaker_is_not_arrested_or_sentenced(extractor: Extractor, text: str) -> None:
    people = {e.person for e in extractor.extract(text, "en", "2022-04-05")}
    assert "Martina Kessler" not in people
    assert "Dinh Van Loc" in people


def test_inverted_speaker_is_excluded_but_reported_subject_is_not() -> None:
    speaker = find('"It is a farce," said Dang Thi Hue of Freedom Monitor Sample.', "en")
    assert [m[3] for m in speaker if m[0] == "Dang Thi Hue"] == ["speaker"]
    subject = find("State media said Dinh Van Loc, 38, was detained in Vinh.", "en")
    assert [m[3] for m in subject if m[0] == "Dinh Van Loc"] == [None]


def test_vietnamese_speaker_who_calls_for_release() -> None:
    got = find("Bà Hồ Thị Lan kêu gọi trả tự do cho ông Đinh Văn Lộc.", "vi")
    assert ("Hồ Thị Lan", "speaker") in [(m[0], m[3]) for m in got]


# ---------------------------------------------------------------- 2. title-case headline words
def test_headline_words_do_not_extend_names(extractor: Extractor) -> None:
    text = (
        "Blogger Vo Minh Tri Sentenced to Seven Years\n"
        "The People's Court of Quang Tri province sentenced Vo Minh Tri to seven years in prison on June 8, 2022."
    )
    got = events_of(extractor, text, "en", "2022-06-09")
    assert got == [("Vo Minh Tri", "sentence", 84, "2022-06-08", ())]


@pytest.mark.parametrize(
    "word, ok",
    [
        ("Minh", True),
        ("Nguyen", True),
        ("Quynh", True),
        ("Truong", True),
        ("Khiem", True),
        ("Lộc", True),
        ("Detained", False),
        ("Sentenced", False),
        ("Jailed", False),
        ("Arrested", False),
        ("Faces", False),
        ("To", False),
        ("Trial", False),
    ],
)
def test_syllable_check(word: str, ok: bool) -> None:
    assert lexicon("en").continues_name(word) is ok


def test_headline_name_stops_before_english_verb() -> None:
    got = find("Vietnam: Land Activist Trinh Ba Khiem Detained Again", "en")
    assert [m[0] for m in got] == ["Trinh Ba Khiem"]


# ---------------------------------------------------------------- 3. outlets are not persons
def test_outlet_names_are_not_persons(extractor: Extractor) -> None:
    text = (
        "Ha Thi Xuan is an editor of Dan Luan, an online forum that publishes essays on politics. "
        "She was arrested in September 2021 in Da Lat."
    )
    got = events_of(extractor, text, "en", "2021-10-01")
    assert got == [("Ha Thi Xuan", "arrest", None, "2021-09", ())]


@pytest.mark.parametrize(
    "text, lang, outlet",
    [
        ("He wrote for Tuoi Tre newspaper before joining Le Van Thinh in the campaign.", "en", "Tuoi Tre"),
        ("Bài viết đăng trên báo Thanh Niên về ông Lê Văn Thịnh.", "vi", "Thanh Niên"),
        ("He co-founded Hoa Sen Moi, an online magazine, with Le Van Thinh.", "en", "Hoa Sen Moi"),
    ],
)
def test_outlet_context(text: str, lang: str, outlet: str) -> None:
    names = [m[0] for m in find(text, lang)]
    assert outlet not in names
    assert any(n in ("Le Van Thinh", "Lê Văn Thịnh") for n in names)


def test_journalist_is_still_a_person_after_nha_bao() -> None:
    assert [m[0] for m in find("Nhà báo Lê Văn Thịnh bị bắt tại Huế.", "vi")] == ["Lê Văn Thịnh"]


# ---------------------------------------------------------------- 4. appeals: hearing or outcome only
@pytest.mark.parametrize(
    "text, lang",
    [
        ("Các bị cáo Lý Văn Hòa và Đàm Thị Yến có quyền kháng cáo bản án trong thời hạn 15 ngày.", "vi"),
        ("Under the law, Ly Van Hoa and Dam Thi Yen have fifteen days to appeal the verdict.", "en"),
        ("Ly Van Hoa plans to appeal the verdict, his family said.", "en"),
        ("Lawyers for Ly Van Hoa filed an appeal on his behalf.", "en"),
        ("Luật sư của ông Lý Văn Hòa đã nộp đơn kháng cáo.", "vi"),
    ],
)
def test_appeal_plans_rights_and_filings_are_not_appeal_events(extractor: Extractor, text: str, lang: str) -> None:
    assert [e for e in extractor.extract(text, lang, "2022-03-01") if e.event_type == "appeal"] == []


def test_appeal_hearing_is_an_appeal(extractor: Extractor) -> None:
    text = "On March 3, 2022, the appeals court in Hue rejected the appeal of Ly Van Hoa and upheld his sentence."
    got = [e for e in extractor.extract(text, "en", "2022-03-04") if e.event_type == "appeal"]
    assert [(e.person, e.date) for e in got] == [("Ly Van Hoa", "2022-03-03")]


# ---------------------------------------------------------------- 5. the date attached to the trigger
def test_date_of_another_event_is_not_the_arrest_date(extractor: Extractor) -> None:
    text = (
        "Police in Ha Tinh province arrested Mai Quang Vinh on February 9, 2021, and charged him under Article 117. "
        "A week before his arrest, he said he would run in the local elections scheduled for May 23, 2021."
    )
    arrests = [e for e in extractor.extract(text, "en", "2021-02-12") if e.event_type == "arrest"]
    assert [(e.person, e.date) for e in arrests] == [("Mai Quang Vinh", "2021-02-09")]


def test_date_of_a_vote_is_not_an_arrest_date(extractor: Extractor) -> None:
    text = "Mai Quang Vinh was detained ahead of the May 23 vote."
    arrests = [e for e in extractor.extract(text, "en", "2021-04-01") if e.event_type == "arrest"]
    assert [(e.person, e.date) for e in arrests] == [("Mai Quang Vinh", None)]


# ---------------------------------------------------------------- 6. each person keeps their own date
@pytest.mark.parametrize(
    "text",
    [
        "Chu Van Dat, the group's treasurer, was arrested in April 2019, and Kieu Thi Ngan was arrested in "
        "August 2019.",
        "Chu Van Dat was arrested in April 2019 and Kieu Thi Ngan in August 2019.",
    ],
)
def test_two_people_two_arrest_dates(extractor: Extractor, text: str) -> None:
    got = events_of(extractor, text, "en", "2020-01-10")
    assert got == [
        ("Chu Van Dat", "arrest", None, "2019-04", ()),
        ("Kieu Thi Ngan", "arrest", None, "2019-08", ()),
    ]


# ---------------------------------------------------------------- 7. one charge per article
def test_article_named_twice_is_one_charge(extractor: Extractor) -> None:
    text = (
        "Bui Thanh Tam was charged under Article 117 of the 2015 Penal Code on July 1, 2022. "
        "Article 117 carries up to 20 years in prison."
    )
    (charge,) = [e for e in extractor.extract(text, "en", "2022-07-03") if e.event_type == "charge"]
    assert [(c.article, c.code_year) for c in charge.charges if c.article is not None] == [(117, 2015)]


def test_merge_charges_keeps_code_year_label_and_stated_flag() -> None:
    merged = merge_charges(
        [
            ChargeMention(0, 10, "Article 117", 117, None),
            ChargeMention(20, 40, "making, storing", 117, 2015, label="making, storing", inferred=True),
            ChargeMention(50, 60, "abusing", None, None, label="abusing democratic freedoms"),
            ChargeMention(70, 80, "abusing", None, None, label="Abusing democratic freedoms"),
        ]
    )
    assert [(c.article, c.code_year, c.label, c.inferred) for c in merged] == [
        (117, 2015, "making, storing", False),
        (None, None, "abusing democratic freedoms", False),
    ]


# ---------------------------------------------------------------- misc full-article patterns
def test_verb_after_date_is_not_an_adjective(extractor: Extractor) -> None:
    text = "A court in Can Tho on Monday sentenced journalist Dao Van Khoi to six years in prison."
    assert events_of(extractor, text, "en", "2022-08-10") == [("Dao Van Khoi", "sentence", 72, "2022-08-08", ())]


def test_headline_line_is_its_own_sentence(extractor: Extractor) -> None:
    text = "News\nKieu Thi Ngan Freed\nAuthorities released Kieu Thi Ngan on October 2, 2023, after four years."
    got = events_of(extractor, text, "en", "2023-10-03")
    assert got == [("Kieu Thi Ngan", "release", None, "2023-10-02", ())]


@pytest.mark.parametrize(
    "text",
    [
        "The same court sentenced Chu Van Dat and Kieu Thi Ngan to eight years in prison each.",
        "Chu Van Dat and Kieu Thi Ngan were each sentenced to eight years in prison.",
    ],
)
def test_each_shares_the_term(extractor: Extractor, text: str) -> None:
    got = events_of(extractor, text, "en", "2020-01-10")
    assert [(g[0], g[2]) for g in got] == [("Chu Van Dat", 96), ("Kieu Thi Ngan", 96)]


def test_same_day_takes_the_previous_date(extractor: Extractor) -> None:
    text = (
        "Ngày 4/6/2022, Công an tỉnh Quảng Bình khởi tố bị can đối với ông Hoàng Đức Lâm. "
        "Cùng ngày, Hoàng Đức Lâm bị bắt tạm giam tại Đồng Hới."
    )
    got = {(e.person, e.event_type, e.date) for e in extractor.extract(text, "vi", "2022-06-06")}
    assert ("Hoàng Đức Lâm", "arrest", "2022-06-04") in got


def test_birth_name_in_brackets_is_the_same_person(extractor: Extractor) -> None:
    text = (
        "Ngày 9/9/2022, tòa xét xử bị cáo Hoàng Vy (tên khai sinh Hoàng Thị Tường Vy, 40 tuổi). "
        "Hoàng Vy bị tuyên phạt 6 năm tù."
    )
    got = [(e.person, e.event_type) for e in extractor.extract(text, "vi", "2022-09-10")]
    assert ("Hoàng Thị Tường Vy", "trial") not in got
    assert ("Hoàng Vy", "sentence") in got
