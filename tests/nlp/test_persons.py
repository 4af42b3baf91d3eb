from __future__ import annotations

import re

import pytest

from nlp.names import NameLexicon
from nlp.person_finder import PersonFinder
from nlp.resources import load_json


def finder(lang: str) -> PersonFinder:
    lex = NameLexicon.from_data(load_json("names.json"), load_json("roles.json"), load_json("numbers.json"), lang)
    return PersonFinder(lex, lang)


def sents(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^.!?]+[.!?]*", text)]


def find(text: str, lang: str) -> list[tuple[str, str, str | None, str | None]]:
    return [(m.text, m.kind, m.full, m.excluded) for m in finder(lang).find(text, sents(text))]


def test_vietnamese_names_with_and_without_diacritics() -> None:
    vi = find("Công an bắt Nguyễn Văn Tấn và Trương Thị Kim Oanh tại tỉnh Lâm Đồng.", "vi")
    assert [x[0] for x in vi] == ["Nguyễn Văn Tấn", "Trương Thị Kim Oanh"]
    en = find("Police arrested Nguyen Van Tan and Truong Thi Kim Oanh in Lam Dong province.", "en")
    assert [x[0] for x in en] == ["Nguyen Van Tan", "Truong Thi Kim Oanh"]


def test_minority_and_religious_names() -> None:
    got = [x[0] for x in find("Venerable Thich Quang Hien met Rah Lan Mlo and Y Kmak Nie.", "en")]
    assert got == ["Thich Quang Hien", "Rah Lan Mlo", "Y Kmak Nie"]


def test_short_names_resolve_to_full_name() -> None:
    got = find("Ông Phạm Đức Lâm bị bắt. Ông Lâm bị khởi tố. Bà Trần Thị Yến nói Lâm vô tội.", "vi")
    shorts = [(t, full) for t, kind, full, _ in got if kind == "short"]
    assert ("Lâm", "Phạm Đức Lâm") in shorts


def test_english_honorific_short_name() -> None:
    got = find("Mr. Do Van Thinh was detained. Mr. Thinh was later released.", "en")
    assert ("Thinh", "short", "Do Van Thinh", None) in got


def test_pen_name_is_alias_of_person() -> None:
    got = find("Le Van Hung, better known by his pen name Hung Viet, was arrested.", "en")
    assert ("Hung Viet", "alias", "Le Van Hung", None) in got


@pytest.mark.parametrize(
    ("text", "lang", "name"),
    [
        ("Judge Tran Minh Duc read the verdict.", "en", "Tran Minh Duc"),
        ("His lawyer Pham Van Toan said the trial was unfair.", "en", "Pham Van Toan"),
        ("Thẩm phán Lê Văn Bình tuyên án.", "vi", "Lê Văn Bình"),
        ("Vợ ông Hồ Văn Sang cho biết ông bị đánh.", "vi", "Hồ Văn Sang"),
        ("Chủ tịch nước Nguyễn Văn Quý ký quyết định đặc xá.", "vi", "Nguyễn Văn Quý"),
    ],
)
def test_non_subject_roles_are_excluded(text: str, lang: str, name: str) -> None:
    got = {t: excl for t, _, _, excl in find(text, lang)}
    assert got[name] is not None


def test_places_are_not_persons() -> None:
    assert find("Tòa án tỉnh Hà Nam và tỉnh Thái Bình xử vụ án.", "vi") == []
    assert find("The court of Ho Chi Minh City heard the case.", "en") == []
