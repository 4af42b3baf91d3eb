"""References to persons without a name: pronouns (subject and object), group references ("the two
activists", "Cả ba"), anaphoric nouns ("the blogger") and the writer's kin words, with genders and their
resolution to the persons named before."""

from __future__ import annotations

import re

from nlp.mentions import PersonMention
from nlp.names import NameLexicon
from nlp.textutil import UPPER
from presswatch.ids import fold


class PersonReferences:
    """Mixin of PersonFinder: pronoun, group and kin mentions and what they refer to."""

    lex: NameLexicon
    lang: str

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
        # possessors of an event noun: "his trial", "her arrest", "a court will hear his case"
        if lex.possessive_events is not None:
            for pm in lex.possessive_events.finditer(text):
                if free(pm.start(1), pm.end(1)):
                    word = pm.group(1)
                    if word.lower() == "their":  # "Their arrest in June": the persons named just before
                        mentions.append(PersonMention(pm.start(1), pm.end(1), word, kind="group", members=["0"]))
                        continue
                    gender = "male" if word.lower() == "his" else "female"
                    mentions.append(PersonMention(pm.start(1), pm.end(1), word, kind="pronoun", gender=gender))
        # counted references anywhere: "4 người kể trên bị khởi tố", "the four activists were tried"
        if lex.demonstrative_groups is not None:
            for gm in lex.demonstrative_groups.finditer(text):
                word = gm.group("n").lower()
                count = int(word) if word.isdigit() else lex.number_values.get(word, 0)
                if count >= 2 and free(gm.start(), gm.end()) and not any(m.start == gm.start() for m in mentions):
                    mentions.append(PersonMention(gm.start(), gm.end(), gm.group(), kind="group", members=[str(count)]))
                    occupied.append((gm.start(), gm.end()))
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
