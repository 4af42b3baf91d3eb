"""Name mentions of persons: Vietnamese full names (with or without diacritics) and model PERSON entities,
honorific + name ("Mr. Tam", "ông Lộc"), pen names and other aliases, and short names (the last word(s) of
a full name found in the document, a family name followed by an age)."""

from __future__ import annotations

import re
from typing import Any

from nlp.mentions import PersonMention
from nlp.names import NameLexicon, _is_cap, _joined, _strip_possessive, _Word
from nlp.textutil import UPPER
from presswatch.ids import fold

# what may stand right before the first word of a sentence (or of a quotation, a heading, a list item)
SENTENCE_OPEN = re.compile(r"(?:^|[.!?:;\n\"“‘(\-–—•*]\s*)$")
# ", 41," right after a name: an age
AGE_AFTER = re.compile(r"\s*,\s*\d{1,3}\s*,")


class PersonNames:
    """Mixin of PersonFinder: the name, alias and short-name mentions of a document."""

    lex: NameLexicon
    lang: str

    def _aliases(self, text: str, words: list[_Word], mentions: list[PersonMention], taken: set[int], add: Any) -> None:
        """Pen names: "X, better known by his pen name Y", "X (alias Y)", "Y – known as ... –"."""
        lex = self.lex
        seen: list[tuple[int, int]] = []
        for cue in lex.alias_cues:
            for m in re.finditer(r"\b" + re.escape(cue) + r"\b", text, re.IGNORECASE):
                if any(a < m.end() and m.start() < b for a, b in seen):
                    continue  # "tên thật" inside "tên thật là", already read
                seen.append((m.start(), m.end()))
                real = cue.lower() in lex.alias_real
                after = text[m.end() : m.end() + 60]
                am = re.match(
                    r"\s*(?:is\s+|was\s+|as\s+|of\s+)?[\"“‘']?((?:" + UPPER + r"[^\W\d_]*[\s-]?){1,4})", after
                )
                before = text[max(0, m.start() - 80) : m.start()]
                owner: PersonMention | None = None
                for pm in reversed(mentions):
                    if pm.end <= m.start() and m.start() - pm.end < 120 and "." not in text[pm.end : m.start()]:
                        owner = pm
                        break
                if owner is None:
                    # a single capitalised word right before the cue ("Khiem – known ... as")
                    bm = re.search(
                        r"(" + UPPER + r"[^\W\d_]+(?: " + UPPER + r"[^\W\d_]+){0,3})"
                        r"\s*(?:,|–|—|-|\()\s*(?:whose |with the |có )?(?:also |better |now )?"
                        r"(?:known (?:to many )?(?:by|as)\s*(?:his |her )?)?$",
                        before,
                    )
                    if bm:
                        s = m.start() - len(before) + bm.start(1)
                        e = m.start() - len(before) + bm.end(1)
                        idx = [k for k, w in enumerate(words) if w.start >= s and w.end <= e]
                        if idx and not taken.intersection(idx) and words[idx[0]].text not in lex.non_name:
                            owner = add(idx[0], idx[-1] + 1, kind="short")
                if owner is None or not am:
                    continue
                s = m.end() + am.start(1)
                e = m.end() + am.end(1)
                idx = [k for k, w in enumerate(words) if w.start >= s and w.end <= e]
                if idx and taken.intersection(idx):
                    # "X (tên khai sinh Y)": Y was already found as a full name; it is X's other name
                    known = next((pm for pm in mentions if pm.start == words[idx[0]].start and pm is not owner), None)
                    if known is not None and known.kind == "name":
                        if real:
                            self._real_name(owner, known)
                        else:
                            known.kind = "alias"
                            known.full = owner.full or owner.text
                    continue
                if not idx:
                    continue
                alias = add(idx[0], idx[-1] + 1, kind="alias")
                alias.full = owner.full or owner.text
                if real:
                    alias.kind = "name"
                    alias.full = None
                    self._real_name(owner, alias)

    @staticmethod
    def _alias_repeats(text: str, mentions: list[PersonMention]) -> None:
        """A pen name used again later ("Việt Khang, tên thật là Võ Minh Trí, ... Việt Khang bị kết án") is the
        same person: every other occurrence of an alias is an alias mention too."""
        aliases = {m.text: m.full for m in mentions if m.kind == "alias" and m.full and len(m.text) > 2}
        for m in mentions:
            if m.kind in ("name", "short") and m.full is None and aliases.get(m.text):
                m.kind, m.full = "alias", aliases[m.text]
        occupied = [(m.start, m.end) for m in mentions]
        for alias, full in aliases.items():
            for am in re.finditer(r"(?<![\w-])" + re.escape(alias) + r"(?![\w-])", text):
                if any(a < am.end() and am.start() < b for a, b in occupied):
                    continue
                mentions.append(PersonMention(am.start(), am.end(), alias, full=full, kind="alias"))
                occupied.append((am.start(), am.end()))
        mentions.sort(key=lambda m: m.start)

    @staticmethod
    def _real_name(pen: PersonMention, real: PersonMention) -> None:
        """ "Việt Khang, tên thật là Võ Minh Trí": the real name is the person's full name, the pen name its
        alias (rule 6: an event takes whichever of the two is nearest to it)."""
        pen.kind = "alias"
        pen.full = real.text

    def _parenthetical_aliases(self, text: str, mentions: list[PersonMention]) -> None:
        """'Hoa, known as "Co Ba" (Third Sister)': a name in brackets right after a name."""
        for a, b in zip(mentions, mentions[1:], strict=False):
            if (
                re.fullmatch(r"[\"”’']?\s*(?:\(|,?\s*or\s+)\s*[\"“]?", text[a.end : b.start])
                and b.kind == "name"
                and a.kind in ("name", "alias", "short")
            ):
                b.kind = "alias"
                b.full = a.full or a.text

    def _model_entities(
        self, text: str, words: list[_Word], ents: list[tuple[int, int]], mentions: list[PersonMention], taken: set[int]
    ) -> None:
        lex = self.lex
        for s, e in ents:
            idx = [k for k, w in enumerate(words) if w.start >= s and w.end <= e]
            if not idx or taken.intersection(idx):
                continue
            # drop honorifics and possessives
            while idx and (words[idx[0]].text in lex.honorifics or words[idx[0]].text + "." in lex.honorifics):
                idx = idx[1:]
            if not idx:
                continue
            seg = [words[k].text for k in idx]
            if seg[-1] in ("s",) and len(seg) > 1:
                idx = idx[:-1]
                seg = seg[:-1]
            if not all(_is_cap(x) for x in seg) or any(x in lex.non_name for x in seg):
                continue
            if seg[0].lower() in lex.family or fold(seg[0]) in lex.family_ascii:
                # "Tran Van A Detained": a headline word after a Vietnamese name is not part of it
                keep = next((k for k, x in enumerate(seg[1:], 1) if not lex.continues_name(x)), len(seg))
                if keep < 2 and len(seg) > 1:
                    continue  # (a single word the model calls a person stays: "Bach", "Quan" used alone)
                if len(seg) == 1 and any(
                    m.text.split()[0] == seg[0] for m in mentions if m.kind == "name" and " " in m.text
                ):
                    continue  # "Trieu, 52," after "Trieu Van Lam": the family name of a full name (a short name)
                idx, seg = idx[:keep], seg[:keep]
            name = _strip_possessive(text[words[idx[0]].start : words[idx[-1]].end])
            if (
                fold(name) in lex.stop_names
                or len(name) < 2
                or any(fold(name).startswith(x + " ") for x in lex.stop_names)
            ):
                continue  # ("Hoa Hao Buddhist": a name of the stop list with a word after it)
            m = PersonMention(words[idx[0]].start, words[idx[0]].start + len(name), name, kind="name")
            mentions.append(m)
            taken.update(idx)

    def _honorific_names(self, text: str, words: list[_Word], mentions: list[PersonMention], taken: set[int]) -> None:
        """ "Mr. Tam", "ông Lộc", "Bà Thu Hà": an honorific then capitalised words."""
        lex = self.lex
        for k, w in enumerate(words):
            if k in taken:
                continue
            hon = None
            for h in lex.honorifics:
                hw = h.split()
                if words[k : k + len(hw)] and [x.text for x in words[k : k + len(hw)]] == [x.rstrip(".") for x in hw]:
                    hon = len(hw)
                    break
            if hon is None:
                continue
            if k > 0 and _is_cap(words[k - 1].text) and _joined(text, words[k - 1], w):
                continue
            opens = SENTENCE_OPEN.search(text[max(0, w.start - 4) : w.start])
            if self.lang == "vi" and w.text[:1].isupper() and not opens:
                continue  # "tỉnh Bà Rịa", "blog Bà Đầm Xòe": inside a sentence a capitalised "Bà" belongs to a name
            j = k + hon
            first = j
            while j < len(words) and j - first < 4 and j not in taken and _is_cap(words[j].text):
                prev = words[j - 1]
                gap = text[prev.end : words[j].start]
                if gap not in (" ", ". ", "-") or (gap == ". " and j > first and len(prev.text) > 1):
                    break  # "bà Hằng. Các ...": a full stop after a word ends the name (not after "Mr" or an initial)
                if words[j].text in lex.non_name or (words[j].text.isupper() and len(words[j].text) > 1):
                    break
                j += 1
            if j > first:
                m = PersonMention(
                    words[first].start, words[j - 1].end, text[words[first].start : words[j - 1].end], kind="short"
                )
                mentions.append(m)
                taken.update(range(first, j))

    def _short_names(
        self,
        text: str,
        words: list[_Word],
        mentions: list[PersonMention],
        taken: set[int],
        sents: list[tuple[int, int]],
        det_offsets: frozenset[int],
    ) -> None:
        """Bare capitalised words equal to the last word(s) of a full name found in the document."""
        fulls = [m for m in mentions if m.kind in ("name",) and len(m.text.split()) >= 2]
        # model entities that are only the given name of a full name found elsewhere ("Binh")
        for m in mentions:
            if m.kind == "name" and len(m.text.split()) <= 2:
                longer = [
                    o.text
                    for o in fulls
                    if len(o.text.split()) > len(m.text.split()) and o.text.lower().endswith(" " + m.text.lower())
                ]
                if longer:
                    m.kind = "short"
                    m.full = longer[0]
        tails: dict[str, str] = {}
        aged: set[str] = set()
        for m in fulls:
            parts = m.text.replace("-", " ").split()
            for n in (1, 2, 3):
                if len(parts) > n:
                    tails.setdefault(" ".join(parts[-n:]).lower(), m.text)
        # resolve honorific short mentions too
        for m in mentions:
            if m.kind == "short":
                full = self._lookup_full(m, mentions, tails)
                if full:
                    m.full = full
                elif len(m.text.split()) >= 2:
                    m.kind = "name"
        # "Vu, 41, received five years": the family name of one full name, with an age right after it
        heads: dict[str, set[str]] = {}
        for m in fulls:
            parts = m.text.replace("-", " ").split()
            heads.setdefault(parts[0].lower(), set()).add(m.text)
        for key, names in heads.items():
            if len(names) == 1 and key not in tails:
                tails[key] = next(iter(names))
                aged.add(key)
        if not tails:
            return
        sent_starts = {s for s, _ in sents}
        k = 0
        while k < len(words):
            if k in taken or not _is_cap(words[k].text) or words[k].start in det_offsets:
                k += 1
                continue
            hit = None
            for n in (3, 2, 1):
                seg = words[k : k + n]
                if len(seg) < n or any((k + x) in taken for x in range(n)):
                    continue
                if n > 1 and not all(
                    _joined(text, seg[x], seg[x + 1]) and _is_cap(seg[x + 1].text) for x in range(n - 1)
                ):
                    continue
                key = " ".join(w.text for w in seg).lower()
                if key in tails:
                    hit = (n, key)
                    break
            if hit is None:
                k += 1
                continue
            n, key = hit
            w0 = words[k]
            if key in aged and not AGE_AFTER.match(text, words[k + n - 1].end):
                k += 1  # a family name alone is a person only with an age: "Vu, 41,"
                continue
            at_start = any(text[s : w0.start].strip(" \"“'‘-–(") == "" for s in sent_starts if s <= w0.start)
            nxt = words[k + n] if k + n < len(words) else None
            if (
                at_start
                and n == 1
                and key in self.lex.number_words
                and nxt is not None
                and not _is_cap(nxt.text)
                and self.lang == "vi"
            ):
                k += 1
                continue
            if n == 1 and nxt is not None and _joined(text, words[k + n - 1], nxt) and _is_cap(nxt.text):
                k += 1  # part of a longer capitalised phrase that is not this person
                continue
            if k > 0 and _joined(text, words[k - 1], w0) and _is_cap(words[k - 1].text):
                k += 1  # "Thanh Hóa" is a province, not the short name "Hóa"
                continue
            end = words[k + n - 1].end
            m = PersonMention(w0.start, end, text[w0.start : end], full=tails[key], kind="short")
            mentions.append(m)
            taken.update(range(k, k + n))
            k += n

    @staticmethod
    def _lookup_full(m: PersonMention, mentions: list[PersonMention], tails: dict[str, str]) -> str | None:
        key = m.text.lower()
        # prefer the nearest full name before the mention
        best = None
        for other in mentions:
            if other.kind != "name" or len(other.text.split()) < 2:
                continue
            ends = other.text.lower().endswith(" " + key) or other.text.lower() == key
            if ends and (other.start < m.start or best is None):
                best = other.text
        return best or tails.get(key)
