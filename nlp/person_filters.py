"""Filtering of person mentions: capitalised words that name no person (places, outlets and organisations,
descriptors such as "a Montagnard Christian activist") and the roles that exclude a person from being a
subject (judge, lawyer, official, speaker, a relative in apposition)."""

from __future__ import annotations

import re

from nlp.mentions import PersonMention
from nlp.names import NameLexicon
from nlp.textutil import UPPER
from presswatch.ids import fold

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


class PersonFilters:
    """Mixin of PersonFinder: mentions that are no person, and mentions excluded by their role."""

    lex: NameLexicon
    lang: str

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
        before = text[max(0, m.start - 50) : m.start]
        if re.search(r"(?:^|[\s(])\d{1,3}[A-Za-z]?(?:[-/]\d{1,3}[A-Za-z]?)*\s+$", before):
            return True  # "thường trú 17-19 Ngô Đức Kế", "at 12 Tran Hung Dao street": a house number and a street
        words = m.text.split()
        if len(words) >= 3 and any(w in self.lex.inside or fold(w) in ("thi", "van") for w in words[1:-1]):
            return False  # "handed to Kieu Thi Yen": a full name with a middle particle is a person
        if (
            len(words) >= 3
            and fold(words[0]) in self.lex.family_ascii
            and not re.search(r"(?i)\b(?:province|city|district|town|commune|village|court)\b\W*(?:of\s+)?$", before)
            and not self.lex.place_after.match(text[m.end : m.end + 30])
        ):
            # "three years to Tran Huu Duc", "a letter from Nguyen Van Dai": three syllables led by a family name
            # are a person after a preposition (place names of that shape are in the stop list)
            return False
        return bool(self.lex.place_before.search(before) or self.lex.place_after.match(text[m.end : m.end + 30]))

    def _interview_speakers(self, text: str, mentions: list[PersonMention]) -> None:
        """ "Luật sư Thu Nam: Trong 4 người ...", "Lawyer Ha: They were ...": the name that opens an interview
        line before a colon is the speaker of that line, not a party to what it reports."""
        for m in mentions:
            if m.excluded is not None or m.kind not in ("name", "short", "alias"):
                continue
            if not re.match(r"\s*:", text[m.end : m.end + 3]):
                continue
            line_start = text.rfind("\n", 0, m.start) + 1
            lead = text[line_start : m.start].split()
            if len(lead) <= 3 and all(w[:1].isupper() or w.lower() in ("sư", "luật") for w in lead):
                m.excluded = "speaker"

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
