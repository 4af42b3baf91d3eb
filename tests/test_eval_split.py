"""The frozen split of the real passages (presswatch.eval_split): checked on ids only, never on text."""

import json
from pathlib import Path

import pytest

from presswatch.eval_split import PERCENT, SALT, frozen_ids, is_frozen, select

REAL = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "real_dev_events.jsonl"
SPLIT_FILE = Path(__file__).resolve().parents[1] / "nlp" / "data" / "frozen_split.json"


def test_split_file_states_its_rule() -> None:
    data = json.loads(SPLIT_FILE.read_text(encoding="utf-8"))
    assert (data["salt"], data["percent"]) == (SALT, PERCENT) == ("presswatch-frozen:", 36)
    assert data["rule"]
    assert set(data) == {"salt", "percent", "rule", "source", "frozen_ids"}  # ids only, no passage text
    assert all(is_frozen(i) for i in data["frozen_ids"])


@pytest.mark.skipif(not REAL.exists(), reason="../shared/data/real_dev_events.jsonl is not beside the repo")
def test_frozen_ids_are_the_rule_applied_to_the_real_ids() -> None:
    ids = [str(json.loads(line)["id"]) for line in REAL.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(ids) == 90
    assert frozen_ids() == {i for i in ids if is_frozen(i)}
    assert len(frozen_ids()) == 36


def test_select_splits_rows_by_id() -> None:
    frozen = sorted(frozen_ids())[0]
    rows = [{"id": frozen}, {"id": "synthetic-1"}]
    assert not is_frozen("synthetic-1")
    assert [r["id"] for r in select(rows, "all")] == [frozen, "synthetic-1"]
    assert [r["id"] for r in select(rows, "dev")] == ["synthetic-1"]
    assert [r["id"] for r in select(rows, "frozen")] == [frozen]
    with pytest.raises(ValueError):
        list(select(rows, "test"))
