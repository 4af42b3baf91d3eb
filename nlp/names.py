"""Name lexicon and name detection: Vietnamese family names (with or without diacritics), minority
("Ksor", "Y", "A" + name) and religious prefixes, runs of capitalised syllables, and the split of a place
name written right before a person's full name."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from presswatch.ids import fold

# a Vietnamese syllable written without diacritics: onset, vowel nucleus, final consonant
SYLLABLE_RE = re.compile(
    r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?"
    r"(?:(?:uye|ie|uo|ye)(?=ng|nh|ch|[cmnptu])|uya|uyu|ieu|yeu|uoi|uou|oai|oay|uay|ai|ao|au|ay|eo|eu|ia|iu|oa|oe|oi|oo|"
    r"ua|ue|ui|uu|uy|a|e|i|o|u|y)"
    r"(?:ng|nh|ch|[cmnpt])?$"
)
WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)


@dataclass
class NameLexicon:
    """The name data of one language, folded for lookup."""

    family: frozenset[str]
    family_ascii: frozenset[str]
    minority: tuple[tuple[str, ...], ...]
    religious: frozenset[str]
    inside: frozenset[str]
    max_syllables: int
    honorifics: tuple[str, ...]
    male: frozenset[str]
    female: frozenset[str]
    female_middle: frozenset[str]
    non_name: frozenset[str]
    stop_names: frozenset[str]
    pronouns: dict[str, str]
    groups: dict[str, int]
    anaphor_nouns: tuple[str, ...]
    alias_cues: tuple[str, ...]
    role_before: tuple[str, ...]
    role_after: tuple[str, ...]
    speech_after: re.Pattern[str]
    speech_before: re.Pattern[str] | None = None
    speech_before_right: re.Pattern[str] | None = None
    speech_before_not: re.Pattern[str] | None = None
    number_words: frozenset[str] = field(default_factory=frozenset)
    number_values: dict[str, int] = field(default_factory=dict)
    place_before: re.Pattern[str] | None = None
    place_after: re.Pattern[str] | None = None
    title_words: frozenset[str] = field(default_factory=frozenset)
    organisations: frozenset[str] = field(default_factory=frozenset)
    org_before: re.Pattern[str] | None = None
    org_after: re.Pattern[str] | None = None
    object_verbs: re.Pattern[str] | None = None
    object_next: re.Pattern[str] | None = None
    object_words: re.Pattern[str] | None = None
    possessive_events: re.Pattern[str] | None = None
    demonstrative_groups: re.Pattern[str] | None = None
    article_prefixes: frozenset[str] = field(default_factory=frozenset)
    article_before: re.Pattern[str] | None = None
    article_after: re.Pattern[str] | None = None
    descriptor_before: re.Pattern[str] | None = None
    descriptor_after: re.Pattern[str] | None = None
    apposition_before: re.Pattern[str] | None = None
    apposition_keep_after: re.Pattern[str] | None = None
    relatives_coordinated: re.Pattern[str] | None = None
    term_subject_after: re.Pattern[str] | None = None
    kin_words: dict[str, str] = field(default_factory=dict)
    alias_real: frozenset[str] = field(default_factory=frozenset)
    kin_owner: re.Pattern[str] | None = None
    kin_intro: re.Pattern[str] | None = None
    kin_next: re.Pattern[str] | None = None

    @classmethod
    def from_data(cls, names: dict[str, Any], roles: dict[str, Any], numbers: dict[str, Any], lang: str) -> NameLexicon:
        hon = sorted(names["honorifics"]["en"] + names["honorifics"]["vi"], key=len, reverse=True)
        return cls(
            family=frozenset(x.lower() for x in names["family_names"]),
            family_ascii=frozenset(fold(x) for x in names["family_names"]),
            minority=tuple(tuple(fold(x).split()) for x in names["minority_prefixes"]),
            religious=frozenset(fold(x) for x in names["religious_prefixes"]),
            inside=frozenset(names["particles_inside"]),
            max_syllables=int(names["max_syllables"]),
            honorifics=tuple(hon),
            male=frozenset(names["gender"]["male"]),
            female=frozenset(names["gender"]["female"]),
            female_middle=frozenset(names["gender"]["female_middle"]),
            non_name=frozenset(names["non_name_words"]),
            stop_names=frozenset(fold(x) for x in names["stop_names"]),
            pronouns={k: v for k, v in names["pronouns"][lang].items()},
            groups={k: int(v) for k, v in names["group_words"][lang].items()},
            anaphor_nouns=tuple(names["anaphor_nouns"][lang]),
            alias_cues=tuple(sorted(names["alias_cues"][lang], key=len, reverse=True)),
            role_before=tuple(x.lower() for x in roles[lang]["before"]),
            role_after=tuple(x.lower() for x in roles[lang]["after"]),
            speech_after=re.compile(roles["speech_after_regex"][lang], re.IGNORECASE),
            speech_before=_compile(roles.get("speech_before_regex", {}).get(lang), re.IGNORECASE),
            speech_before_right=_compile(roles.get("speech_before_right", {}).get(lang), re.IGNORECASE),
            speech_before_not=_compile(roles.get("speech_before_not", {}).get(lang), re.IGNORECASE),
            number_words=frozenset(numbers[lang].keys()),
            number_values={k.lower(): int(v) for k, v in numbers[lang].items()},
            place_before=re.compile(names["place_context"][f"{lang}_before"], re.IGNORECASE),
            place_after=re.compile(names["place_context"][f"{lang}_after"], re.IGNORECASE),
            title_words=frozenset(names.get("title_words", ())),
            organisations=frozenset(fold(x) for x in names.get("organisations", ())),
            org_before=_compile(names.get("org_context", {}).get(f"{lang}_before")),
            org_after=_compile(names.get("org_context", {}).get(f"{lang}_after")),
            object_verbs=_compile(names.get("object_pronouns", {}).get(f"{lang}_verbs_before"), re.IGNORECASE),
            object_next=_compile(names.get("object_pronouns", {}).get(f"{lang}_next_ok"), re.IGNORECASE),
            object_words=_compile(names.get("object_pronouns", {}).get(f"{lang}_words")),
            possessive_events=_compile(names.get("object_pronouns", {}).get(f"{lang}_possessive")),
            demonstrative_groups=_compile(names.get("demonstrative_groups", {}).get(lang)),
            article_prefixes=frozenset(names.get("article_prefixes", {}).get("prefixes", ())),
            article_before=_compile(names.get("article_prefixes", {}).get(f"{lang}_before"), re.IGNORECASE),
            article_after=_compile(names.get("article_prefixes", {}).get(f"{lang}_after")),
            descriptor_before=_compile(names.get("descriptor", {}).get(f"{lang}_before"), re.IGNORECASE),
            descriptor_after=_compile(names.get("descriptor", {}).get(f"{lang}_after")),
            apposition_before=_compile(roles.get("apposition_before", {}).get(lang), re.IGNORECASE),
            apposition_keep_after=_compile(roles.get("apposition_keep_after", {}).get(lang), re.IGNORECASE),
            relatives_coordinated=_compile(roles.get("relatives_coordinated", {}).get(lang), re.IGNORECASE),
            term_subject_after=_compile(roles.get("term_subject_after", {}).get(lang), re.IGNORECASE),
            alias_real=frozenset(x.lower() for x in names.get("alias_real_cues", {}).get(lang, ())),
            kin_words=dict(names.get("kin_reference", {}).get("words", {}).get(lang, {})),
            kin_owner=_compile(names.get("kin_reference", {}).get(f"owner_{lang}")),
            kin_intro=_compile(names.get("kin_reference", {}).get(f"intro_{lang}")),
            kin_next=_compile(names.get("kin_reference", {}).get(f"next_ok_{lang}")),
        )

    def continues_name(self, word: str) -> bool:
        """May this capitalised word continue a Vietnamese name? Words with Vietnamese diacritics
        may; a plain-ASCII word must be a possible Vietnamese syllable and not an English title-case
        word ("Tran Van A Detained", "Pham Thi B To Face Trial")."""
        if word in self.title_words:
            return False
        if not word.isascii():
            return True
        return bool(SYLLABLE_RE.match(word.lower()))


def _compile(pattern: str | None, flags: int = 0) -> re.Pattern[str] | None:
    return re.compile(pattern, flags) if pattern else None


@dataclass
class _Word:
    start: int
    end: int
    text: str


def _words(text: str) -> list[_Word]:
    out = []
    for m in WORD_RE.finditer(text):
        t = m.group()
        end = m.end()
        if t.endswith(("'s", "’s")) and len(t) > 2:
            t = t[:-2]
            end -= 2
        out.append(_Word(m.start(), end, t))
    return out


def _is_cap(w: str) -> bool:
    return w[:1].isupper()


def _joined(text: str, a: _Word, b: _Word) -> bool:
    """Two words belong to one name: separated by a single space or hyphen only."""
    gap = text[a.end : b.start]
    return gap in (" ", "-", "\u00a0")


def _closes_name(text: str, w: _Word, lex: NameLexicon) -> bool:
    """ "Le Minh The, a member of ...": a syllable spelled like an English title word ends a name when
    punctuation or a lowercase word follows (a title-case headline continues with a capital)."""
    if w.text not in lex.title_words or not SYLLABLE_RE.match(w.text.lower()):
        return False
    return bool(re.match(r"\s*(?:[,.;:)]|\s[a-z])", text[w.end : w.end + 3]))


def _name_runs(text: str, words: list[_Word], lex: NameLexicon) -> list[tuple[int, int]]:
    """(first word index, last word index + 1) of capitalised runs that start with a family name,
    a minority prefix or a religious prefix."""
    runs: list[tuple[int, int]] = []
    i = 0
    n = len(words)
    article_names = _article_names(text, words, lex)
    while i < n:
        w = words[i]
        if i in article_names:
            runs.append((i, i + 2))
            i += 2
            continue
        fw = fold(w.text)
        plain = fw == w.text.lower()
        start_ok = (
            _is_cap(w.text)
            and w.text not in lex.non_name
            and (
                w.text.lower() in lex.family
                or (plain and fw in lex.family_ascii)
                or fw in lex.religious
                or any(p[0] == fw for p in lex.minority)
            )
        )
        if not start_ok or (w.text.isupper() and len(w.text) > 1):
            i += 1
            continue
        kinh = w.text.lower() in lex.family or (plain and fw in lex.family_ascii)
        j = i + 1
        while j < n and j - i < lex.max_syllables and _joined(text, words[j - 1], words[j]):
            t = words[j].text
            if t in lex.non_name or (t.isupper() and len(t) > 1):
                break
            if kinh and _is_cap(t) and not lex.continues_name(t) and not _closes_name(text, words[j], lex):
                break
            if _is_cap(t) or (t in lex.inside and j + 1 < n and _is_cap(words[j + 1].text)):
                j += 1
                continue
            break
        if kinh and j - i >= 4:
            i = _split_place(words, i, j, lex)
        if j - i >= 2:
            name = fold(text[words[i].start : words[j - 1].end])
            if name not in lex.stop_names and not any(name.startswith(s + " ") for s in lex.stop_names):
                runs.append((i, j))
                i = j
                continue
        i += 1
    return runs


def _article_names(text: str, words: list[_Word], lex: NameLexicon) -> set[int]:
    """Word indices where a minority name written "A" + name starts ("A Đảo", "A Dao, 38,"): the prefix
    must be followed by a capitalised syllable and stand in a naming context (names.json article_prefixes);
    once named so, the same name counts everywhere in the text."""
    if not lex.article_prefixes:
        return set()
    cands: list[int] = []
    for i, w in enumerate(words[:-1]):
        nxt = words[i + 1]
        if w.text not in lex.article_prefixes or not _joined(text, w, nxt) or not _is_cap(nxt.text):
            continue
        if nxt.text.isupper() or nxt.text in lex.non_name or nxt.text in lex.title_words:
            continue
        if len(nxt.text) > 8:
            continue
        cands.append(i)
    named: set[str] = set()
    for i in cands:
        w, nxt = words[i], words[i + 1]
        before = text[max(0, w.start - 40) : w.start]
        after = text[nxt.end : nxt.end + 40]
        if (lex.article_before is not None and lex.article_before.search(before)) or (
            lex.article_after is not None and lex.article_after.match(after)
        ):
            named.add(nxt.text)
    return {i for i in cands if words[i + 1].text in named}


def _is_kinh_family(w: _Word, lex: NameLexicon) -> bool:
    fw = fold(w.text)
    return _is_cap(w.text) and (w.text.lower() in lex.family or (fw == w.text.lower() and fw in lex.family_ascii))


def _split_place(words: list[_Word], i: int, j: int, lex: NameLexicon) -> int:
    """ "Nhà hoạt động Dương Nội Nguyễn Thị Tâm": two adjacent capitalised runs that each start with a family
    name. The right one is the person when it has a full-name structure (three syllables or a middle particle)
    and the left one (at least two syllables, no particle) is not a name cut short; returns the new start."""
    for k in range(i + 2, j - 1):
        if not _is_kinh_family(words[k], lex):
            continue
        right = [w.text for w in words[k:j]]
        left = [w.text for w in words[i:k]]
        if any(x in lex.inside for x in left):
            return i  # "Nguyễn Thị Kim Liên": the left part is a name with its middle particle
        if len(right) >= 3 or right[1] in lex.inside:
            return k
    return i


def _strip_possessive(s: str) -> str:
    return re.sub(r"['’]s?$", "", s).strip()
