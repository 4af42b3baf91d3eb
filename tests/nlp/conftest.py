from __future__ import annotations

import sys
from pathlib import Path

import pytest

# tests/nlp shadows the top-level package name "nlp": make sure the project root comes first
ROOT = str(Path(__file__).resolve().parents[2])
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)
for _name in [m for m in sys.modules if m == "nlp" or m.startswith("nlp.")]:
    if getattr(sys.modules[_name], "__file__", None) is None:
        del sys.modules[_name]

from nlp.extract import Extractor  # noqa: E402


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor()
