from index.textmatch import fold_aligned, make_snippet, parse_terms


def test_fold_keeps_length_and_offsets() -> None:
    text = "Ông Phạm Chí Dũng và Đặng Đình Mạnh"
    folded = fold_aligned(text)
    assert len(folded) == len(text)
    start = folded.index("dang dinh manh")
    assert text[start:start + 14] == "Đặng Đình Mạnh"


def test_terms_and_phrases() -> None:
    assert parse_terms('Phạm "Chí Dũng" 117') == [["pham"], ["chi", "dung"], ["117"]]
    assert parse_terms("((( ***") == []


def test_snippet_centres_on_matches_with_diacritics() -> None:
    text = "Lorem ipsum. " * 40 + "Tòa tuyên phạt Phạm Chí Dũng 15 năm tù." + " Dolor sit." * 40
    snippet, matches = make_snippet(text, parse_terms("pham chi dung"), width=120)
    assert "Phạm Chí Dũng" in snippet
    assert snippet.startswith("…") and snippet.endswith("…")
    assert matches == ["Phạm", "Chí", "Dũng"] or set(matches) == {"Phạm", "Chí", "Dũng"}
