"""presswatch NLP stage: spaCy pipelines (English, Vietnamese) that extract repression events.

Kept free of heavy imports: `from nlp.extract import Extractor` loads spaCy on first use.
"""

from __future__ import annotations

__all__ = ["NLP_VERSION"]

NLP_VERSION = "0.7.0"
