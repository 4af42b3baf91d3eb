from __future__ import annotations

from nlp.tokenizer_vi import SentenceSplitter, blank_vi


def test_punctuation_is_split_off_words() -> None:
    nlp = blank_vi()
    text = "Ngày 20/4, Nguyễn Thanh Nhã, Đoàn Kiên Giang (36-40 tuổi) bị bắt."
    doc = nlp(text)
    words = [t.text for t in doc]
    assert doc.text == text
    assert "Nhã" in words and "," in words and "20/4" in words and "36-40" in words
    assert "bắt" in words and words[-1] == "."


def test_whitespace_round_trip() -> None:
    nlp = blank_vi()
    text = "Dòng một.\n\n  Dòng  hai  "
    assert nlp(text).text == text


def test_sentences_split_without_space() -> None:
    nlp = blank_vi()
    doc = SentenceSplitter(nlp, "s")(nlp("Phiên tòa ngày 22 tháng 12 năm 2017.Phiên tòa kết thúc. Ông ở TP. HCM."))
    sents = [s.text.strip() for s in doc.sents]
    assert sents[0].endswith("2017.")
    assert sents[1] == "Phiên tòa kết thúc."
    assert len(sents) == 3  # "TP." is an abbreviation
