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
    assert info["dag_ids"] == ["presswatch_nightly"]
    assert info["tasks"] == ["alert", "crawl_source", "extract", "index", "list_sources"]
    assert info["mapped"] == ["crawl_source"]
    assert info["upstream_of_alert"] == ["index"]
    assert "30 1 * * *" in info["schedule"]


def test_dag_file_has_no_heavy_top_level_imports() -> None:
    source = (DAGS / "presswatch_nightly.py").read_text(encoding="utf-8")
    top_level = [line for line in source.splitlines() if line.startswith(("import ", "from "))]
    assert not any(mod in line for line in top_level for mod in ("spacy", "scrapy", "nlp", "index", "presswatch"))
