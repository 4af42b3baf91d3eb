import os
import subprocess
import sys
from pathlib import Path

import pytest

DAGS = Path(__file__).resolve().parents[2] / "dags"


def airflow_env(home: Path) -> dict[str, str]:
    return {
        **os.environ,
        "AIRFLOW_HOME": str(home),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "AIRFLOW__CORE__DAGS_FOLDER": str(DAGS),
        "AIRFLOW__CORE__UNIT_TEST_MODE": "True",
    }


SCRIPT = """
import json
from airflow.dag_processing.dagbag import DagBag
bag = DagBag(dag_folder={folder!r})
dag = bag.dags.get("presswatch_nightly")
print(json.dumps({{
    "errors": {{k: str(v) for k, v in bag.import_errors.items()}},
    "dag_ids": sorted(bag.dag_ids),
    "tasks": sorted(dag.task_ids) if dag else [],
    "schedule": str(getattr(dag.timetable, "expression", "")) if dag else None,
    "mapped": sorted(t.task_id for t in dag.tasks if "Mapped" in type(t).__name__) if dag else [],
    "types": sorted(type(t).__name__ for t in dag.tasks) if dag else [],
    "upstream_of_alert": sorted(dag.get_task("alert").upstream_task_ids) if dag else [],
}}))
"""


@pytest.mark.slow
def test_dagbag_imports_nightly_dag(tmp_path: Path) -> None:
    import json

    proc = subprocess.run([sys.executable, "-c", SCRIPT.format(folder=str(DAGS))], env=airflow_env(tmp_path),
                          capture_output=True, text=True, timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    info = json.loads(proc.stdout.strip().splitlines()[-1])
    assert info["errors"] == {}
    assert info["dag_ids"] == ["presswatch_nightly", "presswatch_recheck"]
    assert info["tasks"] == ["alert", "crawl_source", "extract", "index", "list_sources"]
    assert info["mapped"] == ["crawl_source"]
    assert info["upstream_of_alert"] == ["index"]
    assert "30 1 * * *" in info["schedule"]


@pytest.mark.parametrize("name", ["presswatch_nightly.py", "presswatch_recheck.py"])
def test_dag_file_has_no_heavy_top_level_imports(name: str) -> None:
    source = (DAGS / name).read_text(encoding="utf-8")
    top_level = [line for line in source.splitlines() if line.startswith(("import ", "from "))]
    assert not any(mod in line for line in top_level for mod in ("spacy", "scrapy", "nlp", "index", "presswatch"))


RUN_SCRIPT = """
import json
from airflow.dag_processing.dagbag import DagBag
dag = DagBag(dag_folder={folder!r}).dags["presswatch_nightly"]
run = dag.test()
states = {{ti.task_id + ("" if ti.map_index < 0 else f"[{{ti.map_index}}]"): str(ti.state)
          for ti in run.get_task_instances()}}
print(json.dumps({{"state": str(run.state), "tasks": states}}))
"""


@pytest.mark.slow
def test_dag_runs_end_to_end_on_sample_outlets(tmp_path: Path) -> None:
    import json

    from index.sqlite import SqliteBackend
    from presswatch.pipeline import write_sample_catalogue
    from presswatch.sample_site import SampleSite
    from presswatch.settings import load_settings

    home, data = tmp_path / "airflow", tmp_path / "data"
    env = airflow_env(home)
    env = {k: v for k, v in env.items() if not k.startswith("PRESSWATCH_")}
    migrate = subprocess.run([sys.executable, "-m", "airflow", "db", "migrate"], env=env, capture_output=True,
                             text=True, timeout=300, check=False)
    assert migrate.returncode == 0, migrate.stderr[-2000:]
    with SampleSite() as site:
        settings = load_settings(env={"PRESSWATCH_DATA_DIR": str(data)}, settings_file=tmp_path / "none.toml")
        catalogue = write_sample_catalogue(settings, site.base_url)
        env.update({"PRESSWATCH_DATA_DIR": str(data), "PRESSWATCH_SOURCES": str(catalogue),
                    "PRESSWATCH_DOWNLOAD_DELAY": "0"})
        proc = subprocess.run([sys.executable, "-c", RUN_SCRIPT.format(folder=str(DAGS))], env=env, cwd=tmp_path,
                              capture_output=True, text=True, timeout=900, check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["state"] == "success", result
    assert {k for k in result["tasks"] if k.startswith("crawl_source[")} == {
        "crawl_source[0]", "crawl_source[1]", "crawl_source[2]"}
    assert set(result["tasks"].values()) == {"success"}
    with SqliteBackend(data / "presswatch.sqlite3") as store:
        counts = store.counts()
    assert counts["articles"] == 15
    assert counts["events"] >= 3
