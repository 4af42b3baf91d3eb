"""English trigger-person linking over the dependency parse.

A person is linked to a trigger when the person is an argument of the trigger's predicate (or of a
predicate coordinated with it: "X was arrested and sentenced"), lies inside the trigger's subtree
("the release of X", "sentenced X"), or the trigger sits in a clause attached to the person ("X, who
was arrested"). When nothing links and the trigger has an explicit argument that is not a person
("police detained them"), no one is linked; otherwise every person of the clause is.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from nlp.mentions import PersonMention, Trigger

CLIMB = {
    "compound",
    "appos",
    "conj",
    "cc",
    "flat",
    "poss",
    "nmod",
    "amod",
    "npadvmod",
    "nummod",
    "prep",
    "pobj",
    "det",
    "punct",
    "case",
    "dobj",
    "nsubj",
    "nsubjpass",
    "attr",
    "oprd",
    "dative",
    "agent",
    "acomp",
}
CORE = ("nsubjpass", "dobj", "nsubj")


def _tok(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _predicate(tok: Token) -> Token:
    """The verb (or trigger noun's governing verb) a token depends on."""
    cur = tok
    for _ in range(12):
        if cur.pos_ in ("VERB", "AUX") and cur is not tok:
            return cur
        if cur.dep_ == "ROOT" or cur.head is cur:
            return cur
        cur = cur.head
    return cur


def _conj_chain(v: Token) -> set[int]:
    root = v
    while root.dep_ == "conj" and root.head is not root:
        root = root.head
    out = {root.i}
    stack = [root]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ == "conj" and c.i not in out:
                out.add(c.i)
                stack.append(c)
    return out


def make_linker(
    doc: Doc, triggers: list[Trigger] | None = None, inanimate: frozenset[str] = frozenset()
) -> Callable[[Trigger, list[PersonMention]], list[PersonMention]]:
    trigger_toks: set[int] = set()
    for t in triggers or []:
        tok = _tok(doc, t.start, t.end)
        if tok is not None and not t.reporting:
            trigger_toks.add(tok.i)

    def link(trig: Trigger, persons: list[PersonMention]) -> list[PersonMention]:
        tt = _tok(doc, trig.start, trig.end)
        if tt is None:
            return persons
        tv = tt if tt.pos_ in ("VERB", "AUX") else _predicate(tt)
        if (
            trig.event_type == "release"
            and tt is tv
            and any(c.dep_ == "dobj" and c.lemma_.lower() in inanimate for c in tv.children)
        ):
            return []  # "the procuracy released indictments on 25 of the detainees": a publication
        if tt.pos_ in ("NOUN", "PROPN"):
            # "his wife's arrest", "Tien's trial": the possessor of an event noun is its participant
            poss = [c for c in tt.children if c.dep_ == "poss"]
            if poss:
                owners = [p for p in persons if any(_has_person(c, [p]) for c in poss)]
                return owners
        chain = _conj_chain(tv)
        toks = {id(p): _tok(doc, p.start, p.end) for p in persons}
        # "X was arrested in May, and Y was arrested in June": each verb keeps its own subject
        own = [p for p in persons if (pt := toks[id(p)]) is not None and pt.dep_ in CORE and pt.head.i == tv.i]
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in tv.children)
        linked: list[PersonMention] = []
        for p in persons:
            pt = toks[id(p)]
            if pt is None:
                continue
            if own and p not in own and pt.dep_ in CORE and pt.head.i != tv.i and pt.head.i in trigger_toks:
                continue
            ancestors = {a.i for a in pt.ancestors}
            if (tt.i in ancestors and not _verb_between(pt, tt, chain)) or (
                tv.i in ancestors and _predicate(pt).i in chain
            ):
                linked.append(p)
                continue
            pv = _predicate(pt)
            if pv.i in chain:
                linked.append(p)
                continue
            # trigger inside a relative/participial clause on the person ("X, who was arrested")
            t_anc = list(tv.ancestors)
            if pt in t_anc or any(a.i == pt.i for a in tt.ancestors):
                linked.append(p)
                continue
            # subject shared with a higher verb: "X was found guilty ... and sentenced"; not when the
            # trigger has a subject of its own ("X is serving ..., while Y was released")
            if tv.dep_ in ("xcomp", "advcl", "ccomp") and tv.head.i == pv.i and not own_subject:
                linked.append(p)
        if linked:
            return linked
        if tv.dep_ in ("acl", "relcl") and tt is tv and not _has_person(tv.head, persons):
            described = _described_person(tv.head, persons)
            if described:
                return described  # "X is an activist from Duong Noi who was sentenced": the activist is X
            return []  # "solidarity with those already imprisoned": the participle describes another noun
        args = [c for c in tv.children if c.dep_ in CORE]
        if tt is not tv:
            args += [c for c in tt.children if c.dep_ in ("pobj", "poss")] + [
                g for c in tt.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"
            ]
        no_person = all(a.pos_ in ("PRON", "NOUN", "PROPN", "NUM") and not _has_person(a, persons) for a in args)
        pronoun = any(a.pos_ == "PRON" and a.lower_ in ("them", "they", "it", "him", "her") for a in args)
        if args and no_person and pronoun:
            return []
        # "X testified that her husband has been detained": the trigger's own subject is a noun phrase that
        # names no one, so no person of the sentence is its argument; a trigger without a subject of its own
        # ("... that her husband has been detained for months after being arrested in December"): the nearest
        # clause up the tree with a subject of its own decides
        for verb in [tv, *(a for a in tv.ancestors if a.pos_ in ("VERB", "AUX"))]:
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not subjects:
                continue
            if any(a.tag_ in ("WP", "WDT") or a.lower_ in ("who", "which", "that") for a in subjects):
                break  # "an activist ... who was sentenced": the relative pronoun stands for a noun of the sentence
            # only a passive subject is the one the event happened to (an active one is the court or police)
            if all(
                a.dep_ == "nsubjpass" and a.pos_ in ("NOUN", "PRON") and not _has_person(a, persons) for a in subjects
            ):
                return []
            break
        return persons

    return link


def _described_person(noun: Token, persons: list[PersonMention]) -> list[PersonMention]:
    """The person a noun phrase describes: "X is an activist from Y" (attribute of a copula with X as
    subject), "X, an activist from Y" (apposition of X); the noun may sit in a prepositional phrase."""
    h = noun
    for _ in range(4):
        if h.dep_ in ("pobj", "prep") and h.head is not h:
            h = h.head
        else:
            break
    if h.dep_ == "attr":
        subjects = [c for c in h.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        return [p for p in persons if any(_has_person(c, [p]) for c in subjects)]
    if h.dep_ == "appos":
        return [p for p in persons if _has_person(h.head, [p]) and not _has_person(h, [p])]
    return []


def _verb_between(pt: Token, tt: Token, chain: set[int]) -> bool:
    """Does the head path from a person up to the trigger pass through another verb ("arrested months
    after he posted a video in the style of chef X": X belongs to "posted")?"""
    cur = pt.head
    for _ in range(12):
        if cur.i == tt.i or cur.head is cur:
            return False
        if cur.pos_ == "VERB" and cur.i not in chain and cur.dep_ not in ("amod", "compound", "acl"):
            return True
        cur = cur.head
    return False


def _has_person(tok: Token, persons: list[PersonMention]) -> bool:
    s, e = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)
    return any(s <= p.start < e for p in persons)


def make_date_head(
    doc: Doc,
    triggers: list[Trigger],
    foreign_nouns: frozenset[str] = frozenset(),
    charge_spans: list[tuple[int, int]] | None = None,
) -> Callable[[int, int], tuple[str, Trigger | None]]:
    """Where a date attaches in the parse: ("trigger", t) when its head chain reaches trigger t first;
    ("foreign", None) when it reaches another verb or an event noun such as "election" first ("the
    elections scheduled for May 23"); ("none", None) when the parse says nothing."""
    by_tok: dict[int, Trigger] = {}
    reporting: set[int] = set()
    for t in triggers:
        tok = _tok(doc, t.start, t.end)
        if tok is not None and not t.reporting:
            by_tok.setdefault(tok.i, t)
        elif tok is not None:
            reporting.add(tok.i)

    def _trigger_arg(v: Token) -> Trigger | None:
        # "the trial took place on May 5", "the court rejected her appeal on Thursday"
        for c in v.children:
            if c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.i in by_tok:
                return by_tok[c.i]
        if v.dep_ in ("acl", "relcl", "xcomp", "advcl") and v.head.i in by_tok:
            return by_tok[v.head.i]  # "a trial held on May 5"
        for c in v.children:
            # "On 2 October the court ruled in a one-day trial that ...": the event named in its prepositional phrase
            if c.dep_ == "prep" and c.lower_ in ("in", "at", "during"):
                own = [g for g in c.children if g.dep_ == "pobj" and g.i in by_tok]
                if own:
                    return by_tok[own[0].i]
        for c in v.children:
            # "condemned a court ruling yesterday to uphold the convictions": an infinitive that is the event
            if (
                c.i in by_tok
                and c.dep_ in ("xcomp", "advcl")
                and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            ):
                return by_tok[c.i]
        return None

    def head(start: int, end: int) -> tuple[str, Trigger | None]:
        tok = _tok(doc, start, end)
        if tok is None:
            return "none", None
        cur = tok
        for _ in range(12):
            if cur.dep_ == "ROOT" or cur.head is cur:
                break
            cur = cur.head
            if cur.i in by_tok:
                return "trigger", by_tok[cur.i]
            if cur.i in reporting:
                return "none", None  # a reporting verb: word distance decides (dates near it are dropped)
            if cur.pos_ == "VERB" and any(a <= cur.idx < b for a, b in charge_spans or ()):
                continue  # "on charges of 'abusing democratic freedoms' ... on 18 November": a charge's name
            if cur.pos_ == "VERB":
                t = _trigger_arg(cur)
                if t is not None:
                    return "trigger", t
                # "raided his home on Wednesday and took him into custody": the coordinated action's date
                conj = [c for c in cur.children if c.dep_ == "conj" and c.i in by_tok]
                if conj:
                    return "trigger", by_tok[conj[0].i]
                if cur.dep_ == "acl":
                    continue  # "trials held on March 30": the noun it describes decides
                return "foreign", None
            if cur.pos_ == "NOUN" and (cur.lemma_.lower() in foreign_nouns or cur.lower_ in foreign_nouns):
                return "foreign", None
            if cur.pos_ == "NOUN":
                # "a court ruling yesterday to uphold the convictions", "the decision on May 5 to arrest him"
                own = [c for c in cur.children if c.i in by_tok and c.dep_ in ("acl", "relcl", "xcomp")]
                if own:
                    return "trigger", by_tok[own[0].i]
        return "none", None

    return head
