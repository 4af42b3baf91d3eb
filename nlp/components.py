"""spaCy components (registered factories) wrapping the finders. Each keeps its pattern/lexicon
data loaded from JSON files in nlp/data/ at initialize (or on first use), and writes/reads them
with to_disk/from_disk so a saved pipeline is self-contained.

Results are stored on Doc extensions: doc._.pw_persons, pw_charges, pw_terms, pw_dates,
pw_triggers, pw_events; doc._.pw_published carries the publication date in.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from nlp.charges import ChargeFinder, ChargeTable
from nlp.dates import DateFinder, Published, reference_date
from nlp.event_builder import build_events
from nlp.events_common import Found
from nlp.names import NameLexicon
from nlp.person_finder import PersonFinder
from nlp.resources import load_json, read_json, write_json
from nlp.terms import TermFinder, TermRules
from nlp.tokenizer_vi import SentenceSplitter

EXTENSIONS = ("pw_published", "pw_persons", "pw_charges", "pw_terms", "pw_dates", "pw_triggers", "pw_events")
for _ext in EXTENSIONS:
    if not Doc.has_extension(_ext):
        Doc.set_extension(_ext, default=None)


def sentence_spans(doc: Doc) -> list[tuple[int, int]]:
    text = doc.text  # Doc.text is rebuilt on every access
    spans = []
    for s in doc.sents:
        # a line break always ends a sentence: headlines, datelines and captions stand alone
        a = s.start_char
        for m in re.finditer(r"\n\s*", text[s.start_char : s.end_char]):
            b = s.start_char + m.end()
            if text[a : s.start_char + m.start()].strip():
                spans.append((a, b))
                a = b
        if text[a : s.end_char].strip() or not spans:
            spans.append((a, s.end_char))
    if spans:
        # cover the whitespace between sentences so every char offset falls in one span
        fixed = []
        for i, (a, _) in enumerate(spans):
            b = spans[i + 1][0] if i + 1 < len(spans) else len(text)
            fixed.append((a if i else 0, b))
        return fixed
    return [(0, len(text))]


class DataComponent(ABC):
    """A component whose behaviour is defined by JSON data files."""

    files: tuple[str, ...] = ()

    def __init__(self, nlp: Language, name: str, *, lang: str, data_dir: str | None = None) -> None:
        self.name = name
        self.lang = lang
        self.data_dir = data_dir
        self.data: dict[str, Any] = {}

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Language | None = None,
        data_dir: str | None = None,
    ) -> None:
        base = data_dir or self.data_dir
        self.data = {f: load_json(f, base) for f in self.files}
        self._setup()

    @abstractmethod
    def _setup(self) -> None:
        """Build matchers and tables from self.data."""

    def _ensure(self) -> None:
        if not self.data:
            self.initialize()

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        self._ensure()
        p = Path(path)
        p.mkdir(parents=True, exist_ok=True)
        for f, obj in self.data.items():
            write_json(obj, p / f)
        write_json({"lang": self.lang}, p / "cfg.json")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> DataComponent:
        p = Path(path)
        self.data = {f: read_json(p / f) for f in self.files}
        self.lang = read_json(p / "cfg.json")["lang"]
        self._setup()
        return self


class PersonsComponent(DataComponent):
    files = ("names.json", "roles.json", "numbers.json")

    def __init__(
        self, nlp: Language, name: str, *, lang: str, use_model_ents: bool, data_dir: str | None = None
    ) -> None:
        super().__init__(nlp, name, lang=lang, data_dir=data_dir)
        self.use_model_ents = use_model_ents
        self.finder: PersonFinder | None = None

    def _setup(self) -> None:
        lex = NameLexicon.from_data(
            self.data["names.json"], self.data["roles.json"], self.data["numbers.json"], self.lang
        )
        self.finder = PersonFinder(lex, self.lang)

    def __call__(self, doc: Doc) -> Doc:
        self._ensure()
        assert self.finder is not None
        ents = None
        dets: frozenset[int] = frozenset()
        if self.use_model_ents and doc.has_annotation("ENT_IOB"):
            ents = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"]
        if doc.has_annotation("POS"):
            dets = frozenset(
                t.idx
                for t in doc
                if t.pos_ in ("DET", "PRON", "ADP", "CCONJ")
                and not (t.i + 1 < len(doc) and doc[t.i + 1].pos_ in ("AUX", "VERB"))
            )
        doc._.pw_persons = self.finder.find(doc.text, sentence_spans(doc), ents, dets)
        return doc


class ChargesComponent(DataComponent):
    files = ("charges.json",)

    def _setup(self) -> None:
        self.finder = ChargeFinder(ChargeTable(self.data["charges.json"]), self.lang)

    def __call__(self, doc: Doc) -> Doc:
        self._ensure()
        pub = Published.parse(doc._.pw_published)
        doc._.pw_charges = self.finder.find(doc.text, pub.year if pub else None)
        return doc


class TermsComponent(DataComponent):
    files = ("terms.json", "numbers.json")

    def _setup(self) -> None:
        self.finder = TermFinder(TermRules.from_data(self.data["terms.json"], self.data["numbers.json"], self.lang))

    def __call__(self, doc: Doc) -> Doc:
        self._ensure()
        doc._.pw_terms = self.finder.find(doc.text)
        return doc


class DatesComponent(DataComponent):
    files = ("dates.json",)

    def _setup(self) -> None:
        self.finder = DateFinder(self.data["dates.json"], self.lang)

    def __call__(self, doc: Doc) -> Doc:
        self._ensure()
        doc._.pw_dates = self.finder.find(doc.text)
        return doc


class EventsComponent(DataComponent):
    files = ("triggers.json", "numbers.json")

    def __init__(self, nlp: Language, name: str, *, lang: str, use_parse: bool, data_dir: str | None = None) -> None:
        super().__init__(nlp, name, lang=lang, data_dir=data_dir)
        self.use_parse = use_parse

    def _setup(self) -> None:
        from nlp.triggers import TriggerFinder

        self.finder = TriggerFinder(self.data["triggers.json"], self.lang)
        self.foreign_nouns = frozenset(self.data["triggers.json"].get("foreign_event_nouns", {}).get(self.lang, ()))
        self.inanimate = frozenset(self.data["triggers.json"].get("inanimate_objects", {}).get(self.lang, ()))
        cues = self.data["triggers.json"].get("passage_cues", {}).get(self.lang, {})
        self.cues = {k: re.compile(v, re.IGNORECASE) for k, v in cues.items()}
        self.numbers = {k.lower(): int(v) for k, v in self.data["numbers.json"].get(self.lang, {}).items()}

    def __call__(self, doc: Doc) -> Doc:
        self._ensure()
        triggers = self.finder.find(doc.text)
        if doc.has_annotation("DEP"):
            triggers = [
                t
                for t in triggers
                if not _adjectival(doc, t.start, t.end) and ("verb_only" not in t.flags or _verb(doc, t.start, t.end))
            ]
        doc._.pw_triggers = triggers
        linker = None
        date_head = None
        if self.use_parse and doc.has_annotation("DEP"):
            from nlp.linking_en import make_date_head, make_linker

            linker = make_linker(doc, triggers, self.inanimate)
            charge_spans = [(c.start, c.end) for c in doc._.pw_charges or []]
            date_head = make_date_head(doc, triggers, self.foreign_nouns, charge_spans)
        found = Found(
            text=doc.text,
            lang=self.lang,
            sents=sentence_spans(doc),
            persons=doc._.pw_persons or [],
            charges=doc._.pw_charges or [],
            terms=doc._.pw_terms or [],
            dates=doc._.pw_dates or [],
            triggers=triggers,
            published=Published.parse(doc._.pw_published) or reference_date(doc._.pw_dates or []),
            linker=linker,
            date_head=date_head,
            cues=self.cues,
            numbers=self.numbers,
        )
        doc._.pw_events = build_events(found)
        return doc


def _verb(doc: Doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(t.pos_ == "VERB" for t in span)


def _adjectival(doc: Doc, start: int, end: int) -> bool:
    """ "jailed blogger", "detained activist": a participle used as a modifier is not an event."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return False
    tok = span.root
    if tok.dep_ not in ("amod", "compound") or tok.tag_ not in ("VBN", "VBD", "JJ"):
        return False
    # "the jailed blogger", "Jailed blogger X", "of detained activists"; but after a noun phrase
    # ("A court on Tuesday sentenced journalist X") the parser's modifier reading is wrong
    prev = doc[tok.i - 1] if tok.i > tok.sent.start else None
    return prev is None or prev.pos_ not in ("NOUN", "PROPN", "ADV")


@Language.factory("pw_sentences")
def make_sentences(nlp: Language, name: str) -> SentenceSplitter:
    return SentenceSplitter(nlp, name)


@Language.factory("pw_persons", default_config={"lang": "en", "use_model_ents": True, "data_dir": None})
def make_persons(
    nlp: Language, name: str, *, lang: str, use_model_ents: bool, data_dir: str | None
) -> PersonsComponent:
    return PersonsComponent(nlp, name, lang=lang, use_model_ents=use_model_ents, data_dir=data_dir)


@Language.factory("pw_charges", default_config={"lang": "en", "data_dir": None})
def make_charges(nlp: Language, name: str, *, lang: str, data_dir: str | None) -> ChargesComponent:
    return ChargesComponent(nlp, name, lang=lang, data_dir=data_dir)


@Language.factory("pw_terms", default_config={"lang": "en", "data_dir": None})
def make_terms(nlp: Language, name: str, *, lang: str, data_dir: str | None) -> TermsComponent:
    return TermsComponent(nlp, name, lang=lang, data_dir=data_dir)


@Language.factory("pw_dates", default_config={"lang": "en", "data_dir": None})
def make_dates(nlp: Language, name: str, *, lang: str, data_dir: str | None) -> DatesComponent:
    return DatesComponent(nlp, name, lang=lang, data_dir=data_dir)


@Language.factory("pw_events", default_config={"lang": "en", "use_parse": True, "data_dir": None})
def make_events(nlp: Language, name: str, *, lang: str, use_parse: bool, data_dir: str | None) -> EventsComponent:
    return EventsComponent(nlp, name, lang=lang, use_parse=use_parse, data_dir=data_dir)
