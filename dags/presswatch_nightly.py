"""Nightly presswatch run: one mapped crawl task per source, then extract -> index -> alert.

Thin wiring over presswatch.pipeline (the same functions `presswatch run` calls); no heavy
imports or I/O at parse time. Every task is idempotent: crawls skip stored URLs, writes are
create-only, the alert ledger never mails an event twice.
"""

from __future__ import annotations

from typing import Any

import pendulum
from airflow.sdk import dag, task


@dag(
    dag_id="presswatch_nightly",
    schedule="30 1 * * *",
    start_date=pendulum.datetime(2026, 1, 1, tz="UTC"),
    catchup=False,
    max_active_runs=1,
    default_args={"retries": 1, "retry_delay": pendulum.duration(minutes=10)},
    tags=["presswatch"],
    doc_md=__doc__,
)
def presswatch_nightly() -> None:
    @task
    def list_sources() -> list[str]:
        from presswatch.pipeline import select_sources
        from presswatch.settings import load_settings

        return [s.id for s in select_sources(load_settings())]

    @task(max_active_tis_per_dagrun=4)
    def crawl_source(source_id: str) -> dict[str, Any]:
        from presswatch.pipeline import crawl_source as crawl_one
        from presswatch.settings import load_settings

        report = crawl_one(load_settings(), source_id)
        if report.error and not report.new_articles:
            raise RuntimeError(report.error)
        return report.to_dict()

    @task(trigger_rule="all_done")
    def extract(reports: list[dict[str, Any]]) -> int:
        from presswatch.pipeline import extract as extract_stage
        from presswatch.settings import load_settings

        return extract_stage(load_settings()).articles

    @task
    def index(_: int) -> int:
        from presswatch.pipeline import index as index_stage
        from presswatch.settings import load_settings

        return index_stage(load_settings()).new_events

    @task
    def alert(_: int) -> int:
        from presswatch.pipeline import alert as alert_stage
        from presswatch.settings import load_settings

        report = alert_stage(load_settings())
        if report.failures:
            raise RuntimeError("; ".join(report.failures))
        return int(report.events_alerted)

    reports = crawl_source.expand(source_id=list_sources())
    alert(index(extract(reports)))


presswatch_nightly()
