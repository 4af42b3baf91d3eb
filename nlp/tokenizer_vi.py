"""A Vietnamese tokenizer that keeps punctuation off words, and a sentence splitter.

spaCy's blank "vi" without pyvi splits on whitespace only, so "Nhã," and "2021." keep their
punctuation. Here a token is a syllable/word, a number with its inner separators ("27/3/2021",
"3.026"), or a single punctuation mark. Syllables stay separate (no word segmentation).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, cast

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

TOKEN_RE = re.compile(r"\d+(?:[/.,:\-]\d+)*|[^\W\d_]+(?:['’][^\W\d_]+)?|\d+|\S", re.UNICODE)


class VietnameseTokenizer:
    """Callable tokenizer: text -> Doc, with words and trailing-space flags."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        pos = 0
        for m in TOKEN_RE.finditer(text):
            self._gap(text[pos : m.start()], words, spaces)
            words.append(m.group())
            spaces.append(False)
            pos = m.end()
        self._gap(text[pos:], words, spaces)
        return Doc(self.vocab, words=words, spaces=spaces)

    @staticmethod
    def _gap(gap: str, words: list[str], spaces: list[bool]) -> None:
        """Whitespace between tokens: one space becomes the previous token's trailing space,
        anything else (newlines, double spaces) becomes a whitespace token."""
        if not gap:
            return
        if words and gap.startswith(" "):
            spaces[-1] = True
            gap = gap[1:]
        if gap:
            words.append(gap)
            spaces.append(False)

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterable[Doc]:
        for text in texts:
            yield self(text)

    # serialization: the tokenizer has no data, only its class
    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return b""

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> VietnameseTokenizer:
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        Path(path).mkdir(parents=True, exist_ok=True)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> VietnameseTokenizer:
        return self


TOKENIZER_NAME = "presswatch.vi_tokenizer.v1"


@registry.tokenizers(TOKENIZER_NAME)
def create_vi_tokenizer() -> Callable[[Language], VietnameseTokenizer]:
    def make(nlp: Language) -> VietnameseTokenizer:
        return VietnameseTokenizer(nlp.vocab)

    return make


def blank_vi() -> Language:
    """spacy.blank("vi") with this tokenizer (no pyvi)."""
    import spacy

    return spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER_NAME}}})


SENT_END_RE = re.compile(r"[.!?…]+[\"”’)]*")


class SentenceSplitter:
    """Sentence boundaries after . ! ? (also when the next sentence starts without a space,
    "2017.Phiên"), and at line breaks. Abbreviations such as "TP." or "Mr." do not end a sentence."""

    ABBREV = frozenset(
        {"tp", "mr", "ms", "mrs", "dr", "st", "no", "art", "fr", "rev", "ths", "ts", "pgs", "gs", "q", "p", "tt"}
        # English titles, months and short forms (the English pipeline sets its sentences with this
        # splitter before the parser, which otherwise splits inside long name lists)
        | {
            "jan",
            "feb",
            "mar",
            "apr",
            "jun",
            "jul",
            "aug",
            "sep",
            "sept",
            "oct",
            "nov",
            "dec",
            "gen",
            "lt",
            "lieut",
            "col",
            "capt",
            "sgt",
            "sen",
            "rep",
            "gov",
            "jr",
            "sr",
            "vs",
            "u.s",
            "u.n",
            "e.g",
            "i.e",
            "inc",
            "corp",
            "ltd",
            "co",
            "prof",
            "hon",
            "ven",
        }
    )

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        starts: set[int] = {0}
        for m in re.finditer(r"\n\s*", text):
            starts.add(m.end())
        for m in SENT_END_RE.finditer(text):
            end = m.end()
            before = text[: m.start()].split()
            prev_word = before[-1].lower().strip('("“') if before else ""
            if prev_word in self.ABBREV or (len(prev_word) == 1 and prev_word.isalpha()):
                continue
            rest = text[end:]
            stripped = rest.lstrip(" ")
            if not stripped:
                continue
            if m.group().startswith(".") and m.start() > 0 and text[m.start() - 1].isdigit() and stripped[0].isdigit():
                continue
            if stripped[0].isupper() or stripped[0] in '"“‘(-–' or stripped[0].isdigit():
                starts.add(end + (len(rest) - len(stripped)))
        # one array write: setting Token.is_sent_start token by token checks the whole doc each time (quadratic)
        flags = numpy.array([[1 if tok.i == 0 or tok.idx in starts else -1] for tok in doc], dtype="int64")
        if len(doc):
            doc.from_array([SENT_START], cast(Any, flags.astype("uint64")))
        return doc

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        Path(path).mkdir(parents=True, exist_ok=True)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> SentenceSplitter:
        return self
