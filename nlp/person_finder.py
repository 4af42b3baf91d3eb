"""Person mentions: Vietnamese names (with or without diacritics), minority and religious names,
pen names, honorific + short names, pronouns and group references, resolved within a document.

Names are found from a family-name lexicon plus runs of capitalised syllables; in English the
model's PERSON entities are added. Each mention gets `full` (the full name it refers to) and
`excluded` when its context marks a non-subject (judge, defence lawyer, official, relative,
speaker).
"""

from __future__ import annotations

from nlp.mentions import PersonMention
from nlp.names import NameLexicon, _name_runs, _words
from nlp.person_filters import PersonFilters
from nlp.person_names import PersonNames
from nlp.person_references import PersonReferences

__all__ = ["PersonFinder"]


class PersonFinder(PersonNames, PersonFilters, PersonReferences):
    """Finds and resolves person mentions in one document."""

    def __init__(self, lex: NameLexicon, lang: str) -> None:
        self.lex = lex
        self.lang = lang

    # ------------------------------------------------------------------ detection
    def find(
        self,
        text: str,
        sents: list[tuple[int, int]],
        ents: list[tuple[int, int]] | None = None,
        det_offsets: frozenset[int] = frozenset(),
    ) -> list[PersonMention]:
        lex = self.lex
        words = _words(text)
        mentions: list[PersonMention] = []
        taken: set[int] = set()  # word indices inside a found mention

        def add(i: int, j: int, kind: str = "name") -> PersonMention:
            m = PersonMention(words[i].start, words[j - 1].end, text[words[i].start : words[j - 1].end], kind=kind)
            mentions.append(m)
            taken.update(range(i, j))
            return m

        for i, j in _name_runs(text, words, lex):
            add(i, j)
        self._aliases(text, words, mentions, taken, add)
        if ents:
            self._model_entities(text, words, ents, mentions, taken)
        self._honorific_names(text, words, mentions, taken)
        mentions[:] = [
            m
            for m in mentions
            if not self._is_place(text, m) and not self._is_org(text, m) and not self._is_descriptor(text, m)
        ]
        mentions.sort(key=lambda m: m.start)
        self._parenthetical_aliases(text, mentions)
        self._short_names(text, words, mentions, taken, sents, det_offsets)
        self._alias_repeats(text, mentions)
        self._anaphors(text, sents, mentions)
        self._kin_references(text, mentions)
        mentions.sort(key=lambda m: m.start)
        self._genders(text, mentions)
        self._resolve_anaphors(text, sents, mentions)
        self._roles(text, sents, mentions)
        self._interview_speakers(text, mentions)
        fulls = {m.text: m.full for m in mentions if m.full}
        for m in mentions:
            if m.kind == "alias" and m.full in fulls:
                m.full = fulls[m.full]
        return mentions
