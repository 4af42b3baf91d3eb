from __future__ import annotations

from pathlib import Path

import spacy

import nlp.components  # noqa: F401
from nlp.components import ChargesComponent
from nlp.extract import Extractor
from nlp.pipelines import build_vietnamese

VI_TEXT = (
    "Ngày 20/4, Công an bắt tạm giam Nguyễn Văn Tín về tội tuyên truyền chống Nhà nước theo Điều 117 Bộ luật Hình sự."
)
EN_TEXT = "Police arrested Tran Van Loc on April 20, 2021 under Article 117 of the Penal Code."


def _summary(doc: spacy.tokens.Doc) -> list[tuple]:
    return [(e.person, e.event_type, e.date, tuple(e.charge_articles)) for e in doc._.pw_events]


def _run(nlp: spacy.language.Language, text: str, published: str | None) -> list[tuple]:
    doc = nlp.make_doc(text)
    doc._.pw_published = published
    return _summary(nlp(doc))


def test_vietnamese_pipeline_round_trip(tmp_path: Path) -> None:
    nlp = build_vietnamese()
    before = _run(nlp, VI_TEXT, "2021-04-22")
    assert before == [("Nguyễn Văn Tín", "arrest", "2021-04-20", (117,))]
    nlp.to_disk(tmp_path / "vi")
    assert (tmp_path / "vi" / "pw_charges" / "charges.json").exists()
    loaded = spacy.load(tmp_path / "vi")
    assert loaded.pipe_names == nlp.pipe_names
    assert _run(loaded, VI_TEXT, "2021-04-22") == before


def test_english_pipeline_round_trip(tmp_path: Path, extractor: Extractor) -> None:
    nlp = extractor.pipeline("en")
    before = _run(nlp, EN_TEXT, None)
    assert before == [("Tran Van Loc", "arrest", "2021-04-20", (117,))]
    nlp.to_disk(tmp_path / "en")
    loaded = spacy.load(tmp_path / "en")
    assert _run(loaded, EN_TEXT, None) == before


def test_component_data_comes_from_disk(tmp_path: Path) -> None:
    nlp = build_vietnamese()
    comp = nlp.get_pipe("pw_charges")
    assert isinstance(comp, ChargesComponent)
    comp.to_disk(tmp_path / "c")
    data = (tmp_path / "c" / "charges.json").read_text(encoding="utf-8")
    # an edited table on disk changes behaviour after from_disk
    (tmp_path / "c" / "charges.json").write_text(data.replace('"article": 117', '"article": 999'), encoding="utf-8")
    comp.from_disk(tmp_path / "c")
    doc = nlp.make_doc("theo Điều 999 Bộ luật Hình sự")
    doc._.pw_published = None
    found = comp(doc)._.pw_charges
    assert [c.article for c in found] == [999]
