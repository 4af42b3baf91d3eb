"""End-to-end behaviour of the event assembly, both languages, including negative cases."""

from __future__ import annotations

from nlp.extract import Extractor


def events_of(extractor: Extractor, text: str, lang: str | None, published: str | None = None) -> list[tuple]:
    """(person, type, prison, probation, date, articles) tuples, sorted."""
    return sorted(
        (e.person, e.event_type, e.prison_months, e.probation_months, e.date, tuple(e.charge_articles))
        for e in extractor.extract(text, lang, published)
    )


def test_english_sentence_with_terms_date_and_article(extractor: Extractor) -> None:
    text = (
        "On May 4, the People's Court of Thai Binh province sentenced activist Tran Van Binh to nine years in "
        "prison and three years of probation under Article 117 of the Penal Code."
    )
    assert events_of(extractor, text, "en", "2022-05-06") == [
        ("Tran Van Binh", "sentence", 108, 36, "2022-05-04", (117,))
    ]


def test_judge_and_lawyer_are_not_sentenced(extractor: Extractor) -> None:
    text = (
        "Judge Nguyen Huu Tam sentenced blogger Le Thanh Dat to five years in prison on Friday, "
        "his lawyer Vo Quoc Huy said."
    )
    got = events_of(extractor, text, "en", "2020-10-10")
    assert [g[0] for g in got] == ["Le Thanh Dat"]
    assert got[0][1:3] == ("sentence", 60)


def test_statutory_maximum_and_prosecutor_demand_are_not_sentences(extractor: Extractor) -> None:
    text = (
        "Prosecutors sought ten years in prison for Dang Van Luc. Under Article 117, he faces up to 20 years in jail."
    )
    got = extractor.extract(text, "en", "2021-01-01")
    assert all(e.prison_months is None for e in got)
    assert not [e for e in got if e.event_type == "sentence"]


def test_suspended_sentence(extractor: Extractor) -> None:
    text = "Bị cáo Lâm Văn Tú bị xử phạt 2 năm tù nhưng cho hưởng án treo."
    (ev,) = extractor.extract(text, "vi", "2020-01-01")
    assert (ev.event_type, ev.prison_months, ev.suspended) == ("sentence", 24, True)


def test_vietnamese_charge_and_arrest_convention(extractor: Extractor) -> None:
    text = (
        "Ngày 3/2, Cơ quan An ninh điều tra đã khởi tố bị can, lệnh bắt tạm giam Phan Văn Hậu về tội tuyên "
        "truyền chống Nhà nước theo Điều 117 Bộ luật Hình sự."
    )
    assert events_of(extractor, text, "vi", "2023-02-05") == [
        ("Phan Văn Hậu", "arrest", None, None, "2023-02-03", (117,)),
        ("Phan Văn Hậu", "charge", None, None, "2023-02-03", (117,)),
    ]


def test_pretrial_detention_is_not_a_term(extractor: Extractor) -> None:
    text = "Công an đã bắt tạm giam 4 tháng đối với Võ Văn Tâm để điều tra."
    got = extractor.extract(text, "vi", None)
    assert [(e.event_type, e.prison_months) for e in got] == [("arrest", None)]


def test_same_day_trial_and_verdict_is_sentence_only(extractor: Extractor) -> None:
    text = "Ngày 9/6, TAND tỉnh An Giang xét xử sơ thẩm và tuyên phạt Lý Văn Hòa 4 năm tù."
    got = events_of(extractor, text, "vi", "2020-06-10")
    assert got == [("Lý Văn Hòa", "sentence", 48, None, "2020-06-09", ())]


def test_upheld_appeal_carries_the_term(extractor: Extractor) -> None:
    text = (
        "Sơ thẩm, tòa tuyên phạt ông Nguyễn Văn Tường 6 năm tù. "
        "Ngày 12/8, Tòa phúc thẩm bác kháng cáo và tuyên y án đối với ông Nguyễn Văn Tường."
    )
    got = {(e.event_type, e.prison_months) for e in extractor.extract(text, "vi", "2021-08-20")}
    assert ("appeal", 72) in got and ("sentence", 72) in got


def test_short_name_links_to_full_name(extractor: Extractor) -> None:
    text = "Le Huu Phuoc, a blogger, was arrested in March. Phuoc was charged with abusing democratic freedoms."
    evs = extractor.extract(text, "en", "2021-06-01")
    charge = next(e for e in evs if e.event_type == "charge")
    assert charge.person == "Phuoc" and charge.person_full == "Le Huu Phuoc"
    arrest = next(e for e in evs if e.event_type == "arrest")
    assert arrest.date == "2021-03" and arrest.date_precision == "month"


def test_release_and_amnesty(extractor: Extractor) -> None:
    text = "Ngày 2/9, nhà hoạt động Trịnh Bá Lâm đã được trả tự do sau khi mãn hạn tù."
    assert events_of(extractor, text, "vi", "2021-09-03") == [("Trịnh Bá Lâm", "release", None, None, "2021-09-02", ())]


def test_reporting_date_is_not_event_date(extractor: Extractor) -> None:
    text = "Ngày 5/3, Công an tỉnh Hà Tĩnh cho biết vừa bắt Hồ Văn Mạnh để điều tra."
    (ev,) = extractor.extract(text, "vi", "2022-03-06")
    assert ev.event_type == "arrest" and ev.date is None


def test_administrative_fine_is_other(extractor: Extractor) -> None:
    text = "Activist Bui Van Thuan was fined 7.5 million dong for his Facebook posts."
    assert events_of(extractor, text, "en", None) == [("Bui Van Thuan", "other", None, None, None, ())]


def test_evidence_span_points_into_text(extractor: Extractor) -> None:
    text = "Some context here.\n\nPolice arrested Ngo Van Khanh on June 2, 2020 in Hanoi."
    (ev,) = extractor.extract(text, "en", None)
    assert text[ev.start : ev.end] == ev.quote
    assert "Ngo Van Khanh" in ev.quote
    contract = ev.to_contract()
    assert contract["span"] == [ev.start, ev.end] and contract["date"] == "2020-06-02"


def test_background_without_event_gives_nothing(extractor: Extractor) -> None:
    text = "Born in 1960, Do Van Hung worked as a teacher before starting his blog in 2008."
    assert extractor.extract(text, "en", None) == []
