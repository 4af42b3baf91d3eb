"""Resolution: mentions found in articles -> one Person per real person, one Event per real event.

Names fold to the same person id across spellings ("Phạm Chí Dũng" = "Pham Chi Dung"); a short
name uses the full name the article introduced. The same event reported by several outlets
(same person, type and month) becomes one Event with the evidence of each; an undated report
joins the person's only event of that type.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from presswatch.ids import event_id, fold, name_key, person_id, preferred_name
from presswatch.models import Article, Charge, Event, Evidence, ExtractedEvent, Person

#: looks up the stored events of a person: (person id, event type) -> events
EventLookup = Callable[[str, str], list[Event]]


@dataclass
class Resolution:
    people: list[Person] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)


def full_name(mention: ExtractedEvent, article_names: list[str]) -> str:
    """The full name behind a mention: the NLP's resolution, else a longer name of the same article."""
    if mention.person_full:
        return mention.person_full
    folded = name_key(mention.person).split()
    if len(folded) == 1:
        for name in article_names:
            words = name_key(name).split()
            if len(words) > 1 and words[-1] == folded[0]:
                return name
    return mention.person


def unique_charges(charges: list[Charge]) -> list[Charge]:
    """One charge per article number (the most specific report of it); unnumbered charges by label."""
    best: dict[object, Charge] = {}
    for charge in charges:
        key: object = charge.article if charge.article is not None else fold(charge.label)
        known = best.get(key)
        if known is None or (known.code_year is None and charge.code_year is not None) or (
                not known.label and charge.label):
            best[key] = Charge(charge.article, charge.code_year or (known.code_year if known else None),
                               charge.label or (known.label if known else ""),
                               inferred=charge.inferred and (known.inferred if known else True))
    return list(best.values())


def target_event_id(pid: str, mention: ExtractedEvent, lookup: EventLookup) -> str:
    """The id of the stored event this mention reports, or a new deterministic id.

    An undated report joins the person's only event of that type; a trial reported for the day
    a sentence was handed down is that sentence (a same-day first-instance trial and verdict).
    """
    if not mention.date:
        same_type = lookup(pid, mention.event_type)
        if len(same_type) == 1:
            return same_type[0].id
    elif mention.event_type == "trial":
        for sentence in lookup(pid, "sentence"):
            if sentence.date == mention.date:
                return sentence.id
    return event_id(pid, mention.event_type, mention.date)


def resolve_article(article: Article, mentions: list[ExtractedEvent], lookup: EventLookup,
                    now: str) -> Resolution:
    out = Resolution()
    names = [m.person_full or m.person for m in mentions]
    people: dict[str, Person] = {}
    for mention in mentions:
        name = full_name(mention, names)
        pid = person_id(name)
        if not pid:
            continue
        person = people.setdefault(pid, Person(id=pid, name=name, aliases=[]))
        for alias in {name, mention.person}:
            if alias not in person.aliases:
                person.aliases.append(alias)
        person.name = preferred_name([person.name, name])
        eid = target_event_id(pid, mention, lookup)
        out.events.append(
            Event(
                id=eid,
                person_id=pid,
                person_name=person.name,
                event_type=mention.event_type,
                date=mention.date,
                date_precision=mention.date_precision,
                charges=unique_charges(mention.charges),
                prison_months=mention.prison_months,
                probation_months=mention.probation_months,
                suspended=mention.suspended,
                location=mention.location,
                evidence=[Evidence(article_id=article.id, quote=mention.quote, start=mention.start,
                                   end=mention.end, url=article.url, source_id=article.source_id)],
                first_reported_at=article.published,
                indexed_at=now,
            )
        )
    for person in people.values():
        person.aliases.sort()
        out.people.append(person)
    return out
