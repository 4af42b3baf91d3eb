"""The `presswatch` command."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from presswatch.settings import Settings, SettingsError, load_settings


def _progress(message: str) -> None:
    click.echo(message, err=True)


def _settings(**overrides: Any) -> Settings:
    try:
        return load_settings(**overrides)
    except SettingsError as exc:
        raise click.ClickException(str(exc)) from None


@contextmanager
def _backend(settings: Settings) -> Iterator[Any]:
    from index.base import BackendError
    from presswatch.pipeline import backend_for

    try:
        with backend_for(settings) as backend:
            yield backend
    except BackendError as exc:
        raise click.ClickException(str(exc)) from None


@click.group()
@click.version_option(package_name="presswatch")
def main() -> None:
    """presswatch: nightly monitoring of arrests, charges, trials and sentences of journalists,
    bloggers and activists in Vietnam, from state, exile and NGO sources."""


def _print_summary(summary: Any) -> None:
    totals = summary.totals
    click.echo("")
    click.echo("presswatch run summary")
    click.echo(f"  articles: {summary.new_articles} new ({totals.get('articles', 0)} stored)")
    click.echo(f"  articles processed by NLP: {summary.articles_extracted}")
    click.echo(f"  events:   {summary.new_events} new ({totals.get('events', 0)} stored)")
    click.echo(f"  people:   {summary.new_people} new ({totals.get('people', 0)} stored)")
    click.echo(f"  alerts:   {summary.events_alerted} events in {summary.digests_sent} digests"
               f" ({totals.get('alert_ledger', 0)} in the ledger)")
    for error in summary.errors:
        click.echo(f"  error: {error}")


@main.command()
@click.option("--source", "sources", multiple=True, help="Only these source ids (repeatable).")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
def run(sources: tuple[str, ...], as_json: bool) -> None:
    """One nightly run: crawl -> extract -> index -> alert."""
    from presswatch.pipeline import run as run_pipeline
    from presswatch.sources import CatalogueError

    settings = _settings()
    try:
        summary = run_pipeline(settings, list(sources) or None, _progress)
    except (CatalogueError, ValueError) as exc:
        raise click.ClickException(str(exc)) from None
    if as_json:
        click.echo(json.dumps(summary.to_dict(), ensure_ascii=False))
    else:
        _print_summary(summary)
    _exit_if_everything_failed(summary)


def _exit_if_everything_failed(summary: Any) -> None:
    if summary.crawl and all(r.error for r in summary.crawl):
        click.echo("every crawl failed: see the errors above", err=True)
        sys.exit(1)


@main.command()
@click.option("--port", default=8931, show_default=True,
              help="Loopback port of the bundled sample outlets (fixed, so article URLs stay the same).")
@click.option("--subscriber", default="researcher@example.org", show_default=True,
              help="Subscribed to arrest alerts if nobody is subscribed yet.")
def demo(port: int, subscriber: str) -> None:
    """Offline end to end on the bundled sample outlets, with the embedded store."""
    from alerts.subscriptions import make_subscription
    from presswatch.pipeline import run as run_pipeline
    from presswatch.pipeline import write_sample_catalogue
    from presswatch.sample_site import SampleSite

    base = _settings()
    try:
        site = SampleSite(port=port)
        base_url = site.start()
    except OSError as exc:
        raise click.ClickException(f"cannot serve the sample outlets on 127.0.0.1:{port}: {exc}"
                                   " (choose another with --port)") from None
    try:
        catalogue = write_sample_catalogue(base, base_url)
        settings = _settings(sources=str(catalogue), download_delay=0.0)
        _progress(f"demo: sample outlets served at {base_url}; data in {settings.data_dir.resolve()}")
        with _backend(settings) as backend:
            if not backend.list_subscriptions():
                backend.add_subscription(make_subscription(subscriber, ["arrest"]))
                _progress(f"demo: subscribed {subscriber} to arrest alerts")
        summary = run_pipeline(settings, None, _progress)
    finally:
        site.stop()
    _print_summary(summary)
    if not settings.smtp_url:
        click.echo(f"  alert emails written to {settings.outbox_dir.resolve()}")
    click.echo("  try: presswatch search \"Pham Chi Dung\" --json")


@main.command()
@click.option("--source", "sources", multiple=True, help="Only these source ids (repeatable).")
def crawl(sources: tuple[str, ...]) -> None:
    """Crawl the catalogue's sources (one Scrapy process per source) into the store."""
    from presswatch.pipeline import crawl as crawl_stage
    from presswatch.sources import CatalogueError

    try:
        reports = crawl_stage(_settings(), list(sources) or None, _progress)
    except (CatalogueError, ValueError) as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"{sum(r.new_articles for r in reports)} new articles from {len(reports)} sources")


@main.command()
@click.option("--input", "input_path", type=click.Path(dir_okay=False, path_type=Path),
              help="JSONL of {id, lang, text, published}: pure NLP, no store.")
@click.option("--output", "output_path", type=click.Path(dir_okay=False, path_type=Path),
              help="JSONL of {id, events} (stdout when omitted).")
def extract(input_path: Path | None, output_path: Path | None) -> None:
    """Extract events: from a JSONL file (--input), or for the stored articles not yet processed."""
    settings = _settings()
    if input_path is None:
        from presswatch.pipeline import extract as extract_stage

        report = extract_stage(settings, _progress)
        click.echo(f"{report.articles} articles processed, {report.mentions} events found")
        return
    from presswatch.extract_file import ExtractInputError, extract_file

    try:
        count = extract_file(input_path, output_path, settings.en_model)
    except (ExtractInputError, OSError) as exc:
        raise click.ClickException(str(exc)) from None
    _progress(f"extract: {count} lines written")


@main.command(name="eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--predictions", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Score this prediction file instead of running the extractor.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object, errors under \"errors\".")
@click.option("--split", type=click.Choice(["all", "dev", "frozen"]), default="all", show_default=True,
              help="Only gold rows of this split: frozen = ids in nlp/data/frozen_split.json, dev = the others.")
@click.option("--no-errors", is_flag=True, help="Print the figures only, not the list of errors.")
def eval_cmd(gold: Path, predictions: Path | None, as_json: bool, split: str, no_errors: bool) -> None:
    """Score extraction against a labelled GOLD.jsonl: P/R/F1 per event type, attribute accuracy,
    then each missed, spurious or wrong-attribute event with its passage id and sentence."""
    from presswatch.evaluation import evaluate_file, format_report
    from presswatch.extract_file import ExtractInputError

    try:
        report = evaluate_file(gold, predictions, _settings().en_model, split=split)
    except (ExtractInputError, OSError) as exc:
        raise click.ClickException(str(exc)) from None
    if no_errors:
        report.pop("errors", None)
    click.echo(json.dumps(report, ensure_ascii=False) if as_json else format_report(report, show_errors=not no_errors))


@main.command(name="recheck")
@click.option("--source", "sources", multiple=True, help="Only these source ids (repeatable).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per status change.")
def recheck_cmd(sources: tuple[str, ...], as_json: bool) -> None:
    """Re-fetch stored articles and record the ones taken down (removed) or moved."""
    from presswatch.pipeline import recheck

    report = recheck(_settings(), list(sources) or None, _progress)
    if report.error:
        raise click.ClickException(report.error)
    for change in report.changes:
        if as_json:
            click.echo(json.dumps(change, ensure_ascii=False))
        else:
            click.echo(f"{change['to'].upper():8} {change['source_id']}  {change['url']}  ({change['reason']})")
    if not as_json:
        click.echo(f"{report.checked} checked: {report.removed} removed, {report.moved} moved,"
                   f" {report.restored} back online, {report.unreachable} unreachable")


@main.command(name="index")
def index_cmd() -> None:
    """Resolve extracted events into people and events in the index."""
    from presswatch.pipeline import index as index_stage

    report = index_stage(_settings(), _progress)
    click.echo(f"{report.articles} articles resolved: {report.new_events} new events,"
               f" {report.updated_events} merged, {report.new_people} new people")


@main.command()
@click.argument("query")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per hit, per line.")
@click.option("--source", "sources", multiple=True, help="Only these source ids.")
@click.option("--lang", type=click.Choice(["vi", "en"]))
@click.option("--from", "date_from", help="Published on or after (YYYY-MM-DD).")
@click.option("--to", "date_to", help="Published on or before (YYYY-MM-DD).")
@click.option("--live-only", is_flag=True, help="Leave out pages that were taken down.")
@click.option("--limit", default=20, show_default=True)
@click.option("--offset", default=0)
def search(query: str, as_json: bool, sources: tuple[str, ...], lang: str | None, date_from: str | None,
           date_to: str | None, live_only: bool, limit: int, offset: int) -> None:
    """Full-text search of the stored articles (diacritics optional: "Pham Chi Dung")."""
    from index.base import SearchQuery

    q = SearchQuery(text=query, source_ids=sources, lang=lang, published_from=date_from,
                    published_to=date_to, include_removed=not live_only, limit=limit, offset=offset)
    with _backend(_settings()) as backend:
        result = backend.search(q)
    if as_json:
        for hit in result.hits:
            click.echo(json.dumps(hit.to_dict(), ensure_ascii=False))
        return
    click.echo(f"{result.total} articles match {query!r}")
    for hit in result.hits:
        removed = " [REMOVED]" if hit.status != "live" else ""
        click.echo(f"\n{hit.published or '????-??-??'}  {hit.source_id}  {hit.title}{removed}")
        click.echo(f"  {hit.url}\n  {hit.snippet}")


@main.command()
@click.option("--type", "types", multiple=True, help="Event types (repeatable).")
@click.option("--person", help="Person name (any spelling).")
@click.option("--charge", type=int, help="Penal Code article number.")
@click.option("--json", "as_json", is_flag=True)
def events(types: tuple[str, ...], person: str | None, charge: int | None, as_json: bool) -> None:
    """List the indexed events."""
    from index.base import EventQuery
    from presswatch.ids import person_id

    q = EventQuery(event_types=types, person_id=person_id(person) if person else None, charge=charge)
    with _backend(_settings()) as backend:
        found = backend.find_events(q)
    for event in found:
        if as_json:
            click.echo(json.dumps(event.to_dict(), ensure_ascii=False))
            continue
        charges = ", ".join(str(c.article) for c in event.charges if c.article)
        term = f" {event.prison_months} months" if event.prison_months else ""
        click.echo(f"{event.date or '(undated)':10}  {event.event_type:8}  {event.person_name}"
                   f"{' art. ' + charges if charges else ''}{term}  [{len(event.evidence)} sources]")


@main.command()
@click.option("--json", "as_json", is_flag=True)
def people(as_json: bool) -> None:
    """List the people found, with every spelling seen."""
    with _backend(_settings()) as backend:
        for person in backend.iter_people():
            if as_json:
                click.echo(json.dumps(person.to_dict(), ensure_ascii=False))
            else:
                click.echo(f"{person.name}  ({'; '.join(person.aliases)})")


@main.group()
def sources() -> None:
    """The source catalogue."""


@sources.command(name="list")
@click.option("--json", "as_json", is_flag=True)
@click.option("--file", "path", type=click.Path(dir_okay=False), help="A catalogue file (default: settings).")
def sources_list(as_json: bool, path: str | None) -> None:
    """List the sources of the catalogue (validating it)."""
    from presswatch.sources import CatalogueError, load_catalogue

    try:
        catalogue = load_catalogue(path or _settings().sources or None)
    except CatalogueError as exc:
        raise click.ClickException(str(exc)) from None
    for source in catalogue:
        if as_json:
            click.echo(json.dumps(source.to_dict(), ensure_ascii=False))
        else:
            kinds = (("feeds", source.feeds), ("sitemaps", source.sitemaps), ("listings", source.listings))
            how = ", ".join(f"{len(v)} {k}" for k, v in kinds if v)
            click.echo(f"{source.id:24} {source.lang}  {source.kind:20} {source.name}  ({how})")
    if not as_json:
        click.echo(f"{len(catalogue)} sources")


@main.group()
def alerts() -> None:
    """Email alerts on new events."""


@alerts.command()
@click.argument("email")
@click.option("--type", "types", multiple=True, default=("arrest",), show_default=True,
              help="Event types to alert on (repeatable).")
@click.option("--charge", "charges", multiple=True, type=int, help="Only events under these articles.")
@click.option("--person", "persons", multiple=True, help="Only these people.")
@click.option("--source", "sources_", multiple=True, help="Only events reported by these sources.")
def subscribe(email: str, types: tuple[str, ...], charges: tuple[int, ...], persons: tuple[str, ...],
              sources_: tuple[str, ...]) -> None:
    """Subscribe EMAIL to a digest of new events after each run."""
    from alerts.subscriptions import SubscriptionError, make_subscription

    try:
        sub = make_subscription(email, list(types), list(charges), list(persons), list(sources_))
    except SubscriptionError as exc:
        raise click.ClickException(str(exc)) from None
    with _backend(_settings()) as backend:
        created = backend.add_subscription(sub)
    click.echo(f"{'subscribed' if created else 'already subscribed'}: {sub.email} ({', '.join(sub.event_types)})"
               f" id {sub.id}")


@alerts.command()
@click.argument("subscription_id")
def unsubscribe(subscription_id: str) -> None:
    """Remove a subscription by id."""
    with _backend(_settings()) as backend:
        if not backend.remove_subscription(subscription_id):
            raise click.ClickException(f"no subscription with id {subscription_id!r}")
    click.echo(f"removed {subscription_id}")


@alerts.command(name="list")
def alerts_list() -> None:
    """List subscriptions."""
    with _backend(_settings()) as backend:
        for sub in backend.list_subscriptions():
            sent = sum(1 for e in backend.alert_entries(sub.id) if e.status == "sent")
            click.echo(f"{sub.id}  {sub.email}  types={','.join(sub.event_types)}  events sent={sent}")


@alerts.command()
def send() -> None:
    """Send the digests of events not yet mailed (what `run` does last)."""
    from presswatch.pipeline import alert

    report = alert(_settings(), _progress)
    if report.failures:
        raise click.ClickException("; ".join(report.failures))


@main.command(name="settings")
def show_settings() -> None:
    """Show the effective settings (credentials masked)."""
    for key, value in _settings().describe().items():
        click.echo(f"{key} = {value}")


if __name__ == "__main__":
    main()
