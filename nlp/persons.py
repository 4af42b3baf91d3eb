"""Person mentions: Vietnamese names (with or without diacritics), minority and religious names,
pen names, honorific + short names, pronouns and group references, resolved within a document.

Names are found from a family-name lexicon plus runs of capitalised syllables; in English the
model's PERSON entities are added. Each mention gets `full` (the full name it refers to) and
`excluded` when its context marks a non-subject (judge, defence lawyer, official, relative,
speaker).
"""

from __future__ import annotations

import re
from typing import Any

from nlp.mentions import PersonMention
from nlp.names import NameLexicon, _is_cap, _joined, _name_runs, _strip_possessive, _Word, _words
from nlp.textutil import UPPER
from presswatch.ids import fold

# ", 41," right after a name: an age
AGE_AFTER = re.compile(r"\s*,\s*\d{1,3}\s*,")

__all__ = ["NameLexicon", "PersonFinder"]

STABLE_ROLES = (
    "judge",
    "court president",
    "prosecutor",
    "procurator",
    "lawyer",
    "attorney",
    "spokes",
    "minister",
    "president",
    "party",
    "secretary",
    "chairman",
    "chairwoman",
    "ambassador",
    "officer",
    "colonel",
    "general",
    "police chief",
    "tham phan",
    "chu toa",
    "kiem sat",
    "bao chua",
    "luat su",
    "chu tich",
    "thu tuong",
    "tong bi thu",
    "bo truong",
    "thu truong",
    "dai ta",
    "thuong ta",
    "trung ta",
    "tuong",
    "phat ngon",
    "tong bien tap",
    "dai su",
)


class PersonFinder:
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
        fulls = {m.text: m.full for m in mentions if m.full}
        for m in mentions:
            if m.kind == "alias" and m.full in fulls:
                m.full = fulls[m.full]
        return mentions

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

    def _is_place(self, text: str, m: PersonMention) -> bool:
        if m.kind not in ("name", "short") or self.lex.place_before is None or self.lex.place_after is None:
            return False
        if (
            m.kind == "short"
            and text[max(0, m.start - 12) : m.start].split()[-1:]
            and any(
                text[max(0, m.start - 12) : m.start].split()[-1].rstrip(".") == h.rstrip(".")
                for h in self.lex.honorifics
            )
        ):
            return False
        words = m.text.split()
        if len(words) >= 3 and any(w in self.lex.inside or fold(w) in ("thi", "van") for w in words[1:-1]):
            return False  # "handed to Kieu Thi Yen": a full name with a middle particle is a person
        before = text[max(0, m.start - 50) : m.start]
        return bool(self.lex.place_before.search(before) or self.lex.place_after.match(text[m.end : m.end + 30]))

    def _is_descriptor(self, text: str, m: PersonMention) -> bool:
        """ "a Montagnard Christian activist": capitalised words between an article and a role noun."""
        lex = self.lex
        if m.kind != "name" or lex.descriptor_before is None or lex.descriptor_after is None:
            return False
        return bool(
            lex.descriptor_before.search(text[max(0, m.start - 12) : m.start])
            and lex.descriptor_after.match(text[m.end : m.end + 60])
        )

    def _is_org(self, text: str, m: PersonMention) -> bool:
        """Outlets and organisations named like people ("Luat Khoa magazine", "báo Thanh Niên")."""
        lex = self.lex
        if m.kind not in ("name", "short", "alias"):
            return False
        if fold(m.text) in lex.organisations:
            return True
        before = text[max(0, m.start - 40) : m.start]
        if lex.org_before is not None and lex.org_before.search(before):
            return True
        words = m.text.split()
        lead = re.search(r"(?:" + UPPER + r"[^\W\d_]*\s){1,2}$", before)
        if (
            lex.org_before is not None
            and lead is not None
            and len(words) <= 3
            and not any(w in lex.inside or fold(w) in ("thi", "van") for w in words)
            and lex.org_before.search(before[: lead.start()])
        ):
            return True  # "the newspaper Dai Doan Ket", "báo Đại Đoàn Kết": the outlet's name, not a person
        return lex.org_after is not None and bool(lex.org_after.match(text[m.end : m.end + 80]))

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
                if keep < 2:
                    continue
                idx, seg = idx[:keep], seg[:keep]
            name = _strip_possessive(text[words[idx[0]].start : words[idx[-1]].end])
            if fold(name) in lex.stop_names or len(name) < 2:
                continue
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
            j = k + hon
            first = j
            while j < len(words) and j - first < 4 and j not in taken and _is_cap(words[j].text):
                prev = words[j - 1]
                gap = text[prev.end : words[j].start]
                if gap not in (" ", ". ", "-"):
                    break
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

    def _anaphors(self, text: str, sents: list[tuple[int, int]], mentions: list[PersonMention]) -> None:
        """Pronouns and group references in subject position at the start of a sentence."""
        lex = self.lex
        occupied = [(m.start, m.end) for m in mentions]

        def free(s: int, e: int) -> bool:
            return all(e <= a or s >= b for a, b in occupied)

        for s, e in sents:
            sent = text[s:e]
            lead = re.match(
                r"[\s\"“‘'(]*(?:(?:However|But|And|Then|Later|Meanwhile|Tuy nhiên|Sau đó|Trước đó),?\s+"
                r"|" + UPPER + r"[^,.;:\"“”]{0,40},\s+(?=(?:he|she|họ|ông|bà|anh|chị|cả \w+)\b))?",
                sent,
            )
            off = s + (lead.end() if lead else 0)
            rest = text[off:e]
            hit = False
            for g, n in sorted(lex.groups.items(), key=lambda x: -len(x[0])):
                gm = re.match(re.escape(g) + r"(?:\s+[^\W\d_]+){0,2}?\b", rest, re.IGNORECASE)
                if re.match(re.escape(g) + r"\s+(?:bị cáo\s+|người\s+)?(?:còn lại|khác)\b", rest, re.IGNORECASE):
                    break  # "Hai bị cáo còn lại": the others, named next, not the persons named before
                if gm and re.match(re.escape(g) + r"\b", rest, re.IGNORECASE) and free(off, off + len(g)):
                    mentions.append(
                        PersonMention(off, off + len(g), text[off : off + len(g)], kind="group", members=[str(n)])
                    )
                    hit = True
                    break
            if hit:
                continue
            for p, gender in lex.pronouns.items():
                pm = re.match(re.escape(p) + r"\b", rest, re.IGNORECASE)
                if not pm:
                    continue
                after = rest[pm.end() :]
                if self.lang == "vi" and re.match(r"\s+" + UPPER, after):
                    continue  # honorific before a name, not a pronoun
                mentions.append(
                    PersonMention(off, off + pm.end(), text[off : off + pm.end()], kind="pronoun", gender=gender)
                )
                hit = True
                break
            if hit:
                continue
            for noun in lex.anaphor_nouns:
                if self.lang == "en":
                    am = re.match(r"(?:The|This|That)\s+(?:[\w-]+\s+){0,2}?[\w-]*" + re.escape(noun) + r"\b", rest)
                else:
                    am = re.match(re.escape(noun) + r"\s+(?:này|nói trên|trên)\b", rest, re.IGNORECASE)
                if am and free(off, off + am.end()):
                    mentions.append(PersonMention(off, off + am.end(), text[off : off + am.end()], kind="pronoun"))
                    break
        # object pronouns after an event verb: "Police detained her again on July 20", "charging him with"
        if lex.object_verbs is not None and lex.object_next is not None and lex.object_words is not None:
            for pm in lex.object_words.finditer(text):
                if not free(pm.start(), pm.end()):
                    continue
                if not lex.object_verbs.search(text[max(0, pm.start() - 30) : pm.start()]):
                    continue
                if not lex.object_next.match(text[pm.end() : pm.end() + 20]):
                    continue  # "detained her husband": a possessive; "bắt ông Tín": an honorific
                word = pm.group(1)
                og = "male" if word == "him" else "female" if word == "her" else lex.pronouns.get(word)
                mentions.append(PersonMention(pm.start(), pm.end(), word, kind="pronoun", gender=og))
        # demonstrative groups anywhere: "2 blogger này", "the two activists"
        for g, n in lex.groups.items():
            if not re.search(r"(?:này|two|three|four)\b", g):
                continue
            for gm in re.finditer(r"\b" + re.escape(g) + r"\b", text, re.IGNORECASE):
                if free(gm.start(), gm.end()) and not any(m.start == gm.start() for m in mentions):
                    mentions.append(PersonMention(gm.start(), gm.end(), gm.group(), kind="group", members=[str(n)]))

    def _kin_references(self, text: str, mentions: list[PersonMention]) -> None:
        """ "mẹ tôi – bà Lê Thị Hoa – bị kết án ... Mẹ, anh Nam và chị Lan bị bắt ngày 11/2", "my brother, X,
        ... my brother was arrested": the writer's relative introduced by name is meant by the same kin word
        later (names.json kin_reference)."""
        lex = self.lex
        if not lex.kin_words or lex.kin_owner is None or lex.kin_intro is None or lex.kin_next is None:
            return
        named = sorted((m for m in mentions if m.kind in ("name", "short", "alias")), key=lambda m: m.start)
        words = "|".join(sorted((re.escape(k) for k in lex.kin_words), key=len, reverse=True))
        owner = lex.kin_owner.pattern
        if self.lang == "en":
            intro = re.compile(r"\b" + owner + r"(?P<kin>" + words + r")\b", re.IGNORECASE)
        else:
            intro = re.compile(r"(?<!\w)(?P<kin>" + words + r")" + owner + r"(?!\w)", re.IGNORECASE)
        known: dict[str, tuple[int, PersonMention]] = {}  # kin word -> (end of its introduction, person)
        for km in intro.finditer(text):
            nxt = next((m for m in named if m.start >= km.end()), None)
            if nxt is None or nxt.start - km.end() > 12 or not lex.kin_intro.match(text[km.end() : nxt.start]):
                continue
            known.setdefault(km.group("kin").lower(), (km.end(), nxt))
        if not known:
            return
        occupied = [(m.start, m.end) for m in mentions]
        if self.lang == "en":
            ref = re.compile(r"\b" + owner + r"(?P<kin>" + words + r")\b", re.IGNORECASE)
        else:
            ref = re.compile(r"(?<!\w)(?P<kin>" + words + r")(?:" + owner + r")?(?!\w)", re.IGNORECASE)
        for rm in ref.finditer(text):
            kin = rm.group("kin").lower()
            if kin not in known or rm.start() < known[kin][0]:
                continue
            if not lex.kin_next.match(text[rm.end() : rm.end() + 20]):
                continue  # "mẹ ông Nam", "my brother's lawyer": someone else's relative
            if any(not (rm.end() <= a or rm.start() >= b) for a, b in occupied):
                continue
            person = known[kin][1]
            mentions.append(
                PersonMention(
                    rm.start(), rm.end(), rm.group(), full=person.key, kind="pronoun", gender=lex.kin_words[kin]
                )
            )

    def _genders(self, text: str, mentions: list[PersonMention]) -> None:
        lex = self.lex
        by_key: dict[str, str] = {}
        for m in mentions:
            if m.kind in ("pronoun", "group"):
                continue
            left = text[max(0, m.start - 12) : m.start].split()
            prev = left[-1] if left else ""
            g = None
            if prev in lex.male or prev.rstrip(".") in lex.male:
                g = "male"
            elif (
                prev in lex.female
                or prev.rstrip(".") in lex.female
                or any(p in lex.female_middle for p in m.text.split()[1:-1])
            ):
                g = "female"
            if g:
                by_key[fold(m.key)] = g
        for m in mentions:
            if m.kind not in ("pronoun", "group") and m.gender is None:
                m.gender = by_key.get(fold(m.key))

    def _resolve_anaphors(self, text: str, sents: list[tuple[int, int]], mentions: list[PersonMention]) -> None:
        def sent_index(pos: int) -> int:
            for i, (s, e) in enumerate(sents):
                if s <= pos < e:
                    return i
            return len(sents) - 1

        named = [m for m in mentions if m.kind in ("name", "short", "alias")]
        for m in mentions:
            if m.kind not in ("pronoun", "group"):
                continue
            si = sent_index(m.start)
            window = [
                x
                for x in named
                if x.start < m.start and si - sent_index(x.start) <= 3 and not self._stable_role(text, x)
            ]
            if m.kind == "pronoun" and m.full:
                continue  # a kin reference resolved to the relative it introduced
            if m.kind == "pronoun":
                fits = [x for x in window if not (m.gender and x.gender and x.gender != m.gender)]
                same = [x for x in fits if sent_index(x.start) == si]
                if same:
                    m.full = same[-1].key
                    continue
                subject = self._subject_before(text, sents, si, mentions, m)
                if subject is not None:
                    m.full = subject
                elif fits:
                    m.full = fits[-1].key
            else:
                n = int(m.members[0]) if m.members and m.members[0].isdigit() else 0
                keys: list[str] = []
                prev_sent = None
                for x in reversed(window):
                    if x.key in keys:
                        continue
                    xs = sent_index(x.start)
                    if n == 0 and prev_sent is not None and xs != prev_sent:
                        break
                    prev_sent = xs
                    keys.append(x.key)
                    if n and len(keys) == n:
                        break
                m.members = list(reversed(keys)) if (n == 0 or len(keys) == n) else []

    def _subject_before(
        self, text: str, sents: list[tuple[int, int]], si: int, mentions: list[PersonMention], m: PersonMention
    ) -> str | None:
        """The antecedent of a pronoun with none in its own sentence: the subject of the previous sentence (its
        first person mention, a resolved pronoun too) when it fits, else the passage's main subject (its first
        full name: "Le Van Tam (born 1970) is a Vietnamese blogger ... Police arrested him")."""

        def fits(x: PersonMention) -> bool:
            return not (m.gender and x.gender and x.gender != m.gender) and not self._stable_role(text, x)

        if si > 0:
            s, e = sents[si - 1]
            first = min(
                (x for x in mentions if s <= x.start < e and x.kind in ("name", "short", "alias", "pronoun")),
                key=lambda x: x.start,
                default=None,
            )
            lead = text[s : first.start] if first is not None else ""
            if (
                first is not None
                and (first.kind != "pronoun" or first.full)
                and fits(first)
                and len(lead.split()) <= 8
                and not re.search(r"\b(?:by|of|with|to|for|from|against|and|bởi|của|với|cho|về|và)\W*$", lead, re.I)
            ):
                return first.key
        main = min(
            (x for x in mentions if x.kind == "name" and len(x.text.split()) >= 2 and x.start < m.start),
            key=lambda x: x.start,
            default=None,
        )
        if main is not None and fits(main) and text[sents[0][0] : main.start].strip(" \"“'‘(") == "":
            return main.key  # the passage opens with the person it is about
        return None

    def _inverted_speaker(self, text: str, sent_start: int, m: PersonMention) -> bool:
        """'"...," said X of Group.' / 'said X, Asia director at Group.': X only speaks."""
        lex = self.lex
        if lex.speech_before is None or lex.speech_before_right is None:
            return False
        left = text[max(sent_start, m.start - 60) : m.start]
        if not lex.speech_before.search(left):
            return False
        right = text[m.end : m.end + 160]
        if lex.speech_before_not is not None and lex.speech_before_not.match(right):
            return False
        return bool(lex.speech_before_right.match(right))

    def _apposed_relative(self, text: str, sent_start: int, m: PersonMention, earlier: list[PersonMention]) -> bool:
        """ "Hung's wife, Nguyen Thi Lan, ...", "Vợ ông Hùng, bà Lan, ...": a relative or associate named
        in apposition is no subject of the event words around, unless the clause makes them one ("His
        son, X, was also arrested")."""
        lex = self.lex
        if lex.apposition_before is None or m.kind not in ("name", "short", "alias"):
            return False
        start = max(sent_start, m.start - 300)
        left = text[start : m.start]
        for o in sorted((o for o in earlier if start <= o.start and o.end <= m.start), key=lambda o: -o.start):
            left = left[: o.start - start] + "NAME" + left[o.end - start :]
        if not lex.apposition_before.search(left):
            return False
        keep = lex.apposition_keep_after
        return keep is None or not keep.match(text[m.end : m.end + 80])

    def _described_subject(self, right: str) -> bool:
        """ "X, a lawyer, was arrested at his home": an apposition describing X's profession, then X's own
        event verb (roles.json apposition_keep_after after the closing comma)."""
        keep = self.lex.apposition_keep_after
        am = re.match(r"\s*,\s*(?:an?|the|một)\s+[^,.;:]{0,60}?(?=,)", right, re.IGNORECASE)
        if keep is None or am is None or re.search(r"\b(?:for|of|representing|defending)\b", am.group()):
            return False
        return bool(keep.match(right[am.end() :]))

    def _stable_role(self, text: str, m: PersonMention) -> bool:
        left = fold(text[max(0, m.start - 40) : m.start])
        tail = left.split(",")[-1]
        return any(
            r in tail
            for r in (
                "judge",
                "lawyer",
                "spokes",
                "prime minister",
                "president",
                "party chief",
                "chu tich",
                "thu tuong",
                "tong bi thu",
                "luat su bao chua",
            )
        )

    # ------------------------------------------------------------------ roles
    def _roles(self, text: str, sents: list[tuple[int, int]], mentions: list[PersonMention]) -> None:
        lex = self.lex
        stable: dict[str, str] = {}
        ordered = sorted(mentions, key=lambda m: m.start)
        for idx, m in enumerate(ordered):
            if m.kind in ("pronoun", "group"):
                continue
            sent_start = max((s for s, _ in sents if s <= m.start), default=0)
            left_raw = text[max(sent_start, m.start - 60) : m.start]
            # stop at the previous mention or clause punctuation
            prev_end = max((o.end for o in ordered[:idx] if o.end <= m.start), default=-1)
            if prev_end > m.start - 60:
                left_raw = text[max(prev_end, sent_start, m.start - 60) : m.start]
            left_raw = re.split(r"[.;:\"“”(]", left_raw)[-1]
            left_tail = " " + " ".join(left_raw.lower().replace(",", " , ").split()[-7:])
            reason = None
            for cue in lex.role_before:
                if re.search(r"(?:^|\s)" + cue + r"(?:\s+[^\s,]+){0,3}\s*$", left_tail):
                    reason = cue
                    break
            right = text[m.end : m.end + 200]
            fright = right.lower()
            if reason is None:
                for cue in lex.role_after:
                    c = cue.strip()
                    glued = c.startswith((",", "'", "’"))
                    if glued and (fright.startswith(c) or fright.startswith(" " + c.lstrip(", "))):
                        reason = c
                        break
            if reason is not None and reason.startswith(",") and self._described_subject(right):
                reason = None  # "Mr. Khoa, a lawyer, was arrested": a profession, not a role in the case
            if (
                reason is not None
                and not any(r in fold(reason) for r in STABLE_ROLES)
                and lex.term_subject_after is not None
                and lex.term_subject_after.match(right)
            ):
                reason = None  # "... and his son X three years", "và em trai là X 3 năm tù": X's own term
            if reason is None and lex.speech_after.match(right):
                reason = "speaker"
            if reason is None and self._inverted_speaker(text, sent_start, m):
                reason = "speaker"
            if reason is None and self._apposed_relative(text, sent_start, m, ordered[:idx]):
                reason = "apposition"  # "Hung's wife, Nguyen Thi Lan, was not allowed into the courtroom"
            if (
                reason is not None
                and reason != "apposition"
                and idx > 0
                and lex.relatives_coordinated is not None
                and prev_end > m.start - 60
                and ordered[idx - 1].excluded is None
                and ordered[idx - 1].kind in ("name", "short", "alias")
                and lex.relatives_coordinated.match(text[prev_end : m.start])
            ):
                reason = None  # "X and her son Y": the relative is coordinated with a defendant
            if reason:
                m.excluded = reason
                if any(r in reason for r in STABLE_ROLES) and not reason.startswith(("'", "’")):
                    stable[fold(m.key)] = reason
        # coordination: "his lawyers A, B and C", "vợ ông A và B"
        for a, b in zip(ordered, ordered[1:], strict=False):
            if a.excluded and not b.excluded and b.kind not in ("pronoun", "group"):
                gap = fold(text[a.end : b.start])
                if a.excluded in ("speaker", "theo(?! đó| quy định| điều| kết quả)", "according to"):
                    continue
                if re.fullmatch(r"\s*(?:,|and|va|,\s*and|or|hoac)\s*(?:ong|ba|anh|chi|co|mr\.?|ms\.?)?\s*", gap):
                    b.excluded = a.excluded
        for m in mentions:
            if m.excluded is None and fold(m.key) in stable and m.kind != "group":
                m.excluded = stable[fold(m.key)]
