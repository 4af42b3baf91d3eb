from presswatch.ids import sha256_hex
from presswatch.models import Article, Charge, Event, ExtractedEvent
from presswatch.resolve import resolve_article


def article(aid: str, published: str | None = "2021-01-06") -> Article:
    return Article(id=aid, url=f"https://x.org/{aid}", canonical_url=f"https://x.org/{aid}", source_id="x",
                   lang="en", title="t", text="t", fetched_at="now", content_sha256=sha256_hex(aid),
                   published=published)


def no_events(pid: str, event_type: str) -> list[Event]:
    return []


def test_spellings_fold_to_one_person_and_prefer_diacritics() -> None:
    mentions = [
        ExtractedEvent(person="Pham Chi Dung", event_type="sentence", prison_months=180, date="2021-01-05"),
        ExtractedEvent(person="Dung", person_full="Phạm Chí Dũng", event_type="appeal", date="2021-06"),
    ]
    res = resolve_article(article("a1"), mentions, no_events, "2026-11-28T00:00:00")
    (person,) = res.people
    assert person.id == "pham-chi-dung"
    assert person.name == "Phạm Chí Dũng"
    assert person.aliases == ["Dung", "Pham Chi Dung", "Phạm Chí Dũng"]
    assert {e.event_type for e in res.events} == {"sentence", "appeal"}
    assert all(e.person_id == "pham-chi-dung" for e in res.events)


def test_short_name_without_resolution_uses_article_full_name() -> None:
    mentions = [
        ExtractedEvent(person="Le Trong Hung", event_type="arrest", date="2021-03-27"),
        ExtractedEvent(person="Hung", event_type="charge", charges=[Charge(117, 2015)]),
    ]
    res = resolve_article(article("a1"), mentions, no_events, "now")
    assert {e.person_id for e in res.events} == {"le-trong-hung"}


def test_same_event_two_sources_same_id_and_undated_joins_dated() -> None:
    dated = ExtractedEvent(person="Tran Quoc Khanh", event_type="arrest", date="2021-03-10")
    other_outlet = ExtractedEvent(person="Trần Quốc Khánh", event_type="arrest", date="2021-03")
    first = resolve_article(article("a1"), [dated], no_events, "now").events[0]
    second = resolve_article(article("a2"), [other_outlet], no_events, "now").events[0]
    assert first.id == second.id
    undated = ExtractedEvent(person="Tran Quoc Khanh", event_type="arrest")
    third = resolve_article(article("a3"), [undated], lambda pid, t: [first], "now").events[0]
    assert third.id == first.id
    later = ExtractedEvent(person="Tran Quoc Khanh", event_type="sentence", date="2021-10-28")
    assert resolve_article(article("a4"), [later], no_events, "now").events[0].id != first.id


def test_gender_middle_name_is_optional_in_long_names() -> None:
    from presswatch.ids import person_id

    assert person_id("Phạm Thị Đoan Trang") == person_id("Pham Doan Trang")
    assert person_id("Nguyễn Văn Hải") != person_id("Nguyen Hai")  # too short to drop it


def test_duplicate_charges_collapse_and_same_day_trial_joins_sentence() -> None:
    mention = ExtractedEvent(person="Pham Doan Trang", event_type="sentence", date="2021-12-14",
                             charges=[Charge(88, None, ""), Charge(88, 1999, "tuyên truyền chống Nhà nước")])
    sentence = resolve_article(article("a1"), [mention], no_events, "now").events[0]
    assert [(c.article, c.code_year) for c in sentence.charges] == [(88, 1999)]
    trial = ExtractedEvent(person="Phạm Thị Đoan Trang", event_type="trial", date="2021-12-14")
    joined = resolve_article(article("a2"), [trial], lambda pid, t: [sentence] if t == "sentence" else [], "now")
    assert joined.events[0].id == sentence.id
    other_day = ExtractedEvent(person="Pham Doan Trang", event_type="trial", date="2021-12-01")
    apart = resolve_article(article("a3"), [other_day], lambda pid, t: [sentence] if t == "sentence" else [], "now")
    assert apart.events[0].id != sentence.id

