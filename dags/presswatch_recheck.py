"""Weekly takedown check: re-fetch stored articles and record those removed or moved.

Thin wiring over presswatch.pipeline.recheck (what `presswatch recheck` calls).
"""

from __future__ import annotations

import pendulum
from airflow.sdk import dag, task


@dag(
    dag_id="presswatch_recheck",
    schedule="0 4 * * 0",
    start_date=pendulum.datetime(2026, 1, 1, tz="UTC"),
    catchup=False,
    max_active_runs=1,
    tags=["presswatch"],
    doc_md=__doc__,
)
def presswatch_recheck() -> None:
    @task
    def recheck() -> dict[str, int]:
        from presswatch.pipeline import recheck as recheck_stage
        from presswatch.settings import load_settings

        report = recheck_stage(load_settings())
        if report.error:
            raise RuntimeError(report.error)
        return {"checked": report.checked, "removed": report.removed, "moved": report.moved}

    recheck()


presswatch_recheck()
