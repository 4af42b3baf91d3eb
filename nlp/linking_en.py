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


def make_linker(doc: Doc) -> Callable[[Trigger, list[PersonMention]], list[PersonMention]]:
    def link(trig: Trigger, persons: list[PersonMention]) -> list[PersonMention]:
        tt = _tok(doc, trig.start, trig.end)
        if tt is None:
            return persons
        tv = tt if tt.pos_ in ("VERB", "AUX") else _predicate(tt)
        chain = _conj_chain(tv)
        linked: list[PersonMention] = []
        for p in persons:
            pt = _tok(doc, p.start, p.end)
            if pt is None:
                continue
            ancestors = {a.i for a in pt.ancestors}
            if tt.i in ancestors or tv.i in ancestors and _predicate(pt).i in chain:
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
            # subject shared with a higher verb: "X was found guilty ... and sentenced"
            if tv.dep_ in ("xcomp", "advcl", "ccomp") and tv.head.i == pv.i:
                linked.append(p)
        if linked:
            return linked
        args = [c for c in tv.children if c.dep_ in CORE]
        if tt is not tv:
            args += [c for c in tt.children if c.dep_ in ("pobj", "poss")] + [
                g for c in tt.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"
            ]
        no_person = all(a.pos_ in ("PRON", "NOUN", "PROPN", "NUM") and not _has_person(a, persons) for a in args)
        pronoun = any(a.pos_ == "PRON" and a.lower_ in ("them", "they", "it", "him", "her") for a in args)
        if args and no_person and pronoun:
            return []
        return persons

    return link


def _has_person(tok: Token, persons: list[PersonMention]) -> bool:
    s, e = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)
    return any(s <= p.start < e for p in persons)
