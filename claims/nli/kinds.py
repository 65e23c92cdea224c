"""Claim kinds for zero-shot typing by entailment: built-ins and user-defined kinds.

A kind is a name, one or more hypothesis templates per language (the NLI engine scores
"does the sentence entail this template?") and keywords per language (cheap hints for the
rule-based stage; the NLI engine does not use them). Users add or override kinds in a TOML
or JSON file::

    # kinds.toml
    [[kinds]]
    name = "layoffs"
    templates = { fr = "Ce passage parle de licenciements.", en = "This text is about layoffs." }
    keywords = { fr = ["licenciement", "suppression de postes"], en = ["layoff", "job cuts"] }

JSON: a list of such objects or ``{"kinds": [...]}``.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ..errors import ClaimsError


class ClaimKindSpec(BaseModel):
    """One claim kind: templates and keywords per language (ISO 639-1 codes)."""

    model_config = ConfigDict(extra="forbid")

    name: str
    templates: dict[str, list[str]]
    keywords: dict[str, list[str]] = Field(default_factory=dict)
    description: str | None = None

    @field_validator("name")
    @classmethod
    def _name(cls, v: str) -> str:
        v = v.strip()
        if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_\-]*", v):
            raise ValueError(f"kind name must be an identifier, not {v!r}")
        return v

    @field_validator("templates", "keywords", mode="before")
    @classmethod
    def _listify(cls, v: Any) -> Any:
        if isinstance(v, dict):
            return {str(k): ([x] if isinstance(x, str) else x) for k, x in v.items()}
        return v

    @field_validator("templates")
    @classmethod
    def _non_empty(cls, v: dict[str, list[str]]) -> dict[str, list[str]]:
        if not v or not any(t.strip() for ts in v.values() for t in ts):
            raise ValueError("a kind needs at least one template")
        return v

    def templates_for(self, lang: str | None) -> list[str]:
        """Templates in ``lang``, else English, else the first language given."""
        for key in (lang or "", (lang or "").split("-")[0], "en"):
            if key and self.templates.get(key):
                return self.templates[key]
        return next(iter(self.templates.values()))

    def keywords_for(self, lang: str | None) -> list[str]:
        """Keywords in ``lang`` (empty list when none)."""
        return self.keywords.get(lang or "", []) or self.keywords.get((lang or "").split("-")[0], [])

    def matches_keywords(self, text: str, lang: str | None) -> bool:
        """True when one of the kind's keywords (case-insensitive, word start) occurs in ``text``."""
        low = text.lower()
        return any(re.search(r"(?<!\w)" + re.escape(k.lower()), low) for k in self.keywords_for(lang))


def _k(name: str, fr: str, en: str, kw_fr: list[str], kw_en: list[str], description: str) -> ClaimKindSpec:
    return ClaimKindSpec(
        name=name, templates={"fr": [fr], "en": [en]}, keywords={"fr": kw_fr, "en": kw_en}, description=description
    )


BUILTIN_KINDS: tuple[ClaimKindSpec, ...] = (
    _k("investment", "Ce passage parle d'un investissement.", "This text is about an investment.",
       ["investi", "investissement", "injecté", "mise de fonds", "participation"],
       ["invest", "investment", "stake", "poured"], "money put into a company or project"),
    _k("valuation", "Ce passage parle de la valorisation d'une entreprise.", "This text is about a company's valuation.",
       ["valorisation", "valorisée", "valorisé", "valeur de", "capitalisation"],
       ["valuation", "valued at", "market cap", "worth"], "what a company is said to be worth"),
    _k("revenue", "Ce passage parle du chiffre d'affaires ou des revenus d'une entreprise.",
       "This text is about a company's revenue or sales.",
       ["chiffre d'affaires", "revenus", "recettes", "ventes", "bénéfice"],
       ["revenue", "sales", "earnings", "turnover", "profit"], "revenue, sales, earnings"),
    _k("funding", "Ce passage parle d'une levée de fonds.", "This text is about a fundraising round.",
       ["levée de fonds", "a levé", "lève", "tour de table", "financement"],
       ["raised", "funding round", "fundraising", "series a", "financing"], "money raised from investors"),
    _k("founding", "Ce passage parle de la création ou de la fondation d'une organisation.",
       "This text is about the founding of an organisation.",
       ["fondé", "fondée", "créé", "créée", "fondation", "création"],
       ["founded", "established", "created", "launched in"], "when / by whom an organisation was founded"),
    _k("acquisition", "Ce passage parle d'un rachat ou d'une acquisition d'entreprise.",
       "This text is about a company acquisition.",
       ["rachat", "racheté", "rachète", "acquisition", "acquis", "fusion"],
       ["acquire", "acquisition", "bought", "buyout", "merger", "takeover"], "a company buying another"),
    _k("partnership_start", "Ce passage parle du début d'un partenariat.", "This text is about the start of a partnership.",
       ["partenariat", "alliance", "accord", "collaboration", "s'associe"],
       ["partnership", "alliance", "agreement", "teamed up", "collaboration"], "a partnership or alliance begins"),
    _k("partnership_end", "Ce passage parle de la fin d'un partenariat.", "This text is about the end of a partnership.",
       ["fin du partenariat", "rupture", "met fin", "se sépare", "résilié"],
       ["ended", "end of the partnership", "split", "terminated", "broke off"], "a partnership ends"),
    _k("board_change", "Ce passage parle d'un siège au conseil d'administration ou d'un changement de direction.",
       "This text is about a board seat or a change in leadership.",
       ["conseil d'administration", "siège", "observateur", "nommé", "démission", "directeur général"],
       ["board", "seat", "observer", "appointed", "resigned", "chief executive"], "governance: board seats, executives"),
    _k("leadership_change", "Ce passage parle du départ, du maintien ou de la nomination d'un dirigeant.",
       "This text is about an executive leaving, staying or being appointed.",
       ["démissionne", "quitte la direction", "reste à la tête", "nommé directeur général", "PDG"],
       ["steps down", "resigns", "remains chief executive", "appointed CEO", "chief executive"], "executives leaving, staying, appointed"),
    _k("regulatory_action", "Ce passage parle d'une enquête ou d'une décision d'une autorité de régulation.",
       "This text is about an investigation or decision by a regulator.",
       ["autorité de la concurrence", "enquête", "régulateur", "amende", "commission européenne", "antitrust"],
       ["regulator", "investigation", "antitrust", "competition authority", "fine", "probe"],
       "regulators, competition authorities, fines, investigations"),
    _k("casualties", "Ce passage parle de personnes tuées ou blessées.", "This text is about people killed or injured.",
       ["morts", "tués", "blessés", "victimes", "décès"],
       ["dead", "killed", "injured", "casualties", "victims"], "deaths and injuries"),
    _k("count", "Ce passage donne un nombre de personnes ou de choses.", "This text gives a number of people or things.",
       ["nombre de", "salariés", "employés", "utilisateurs", "clients"],
       ["number of", "employees", "users", "customers", "people"], "a count of people or things"),
    _k("quantity", "Ce passage donne une quantité chiffrée.", "This text gives a numerical quantity.",
       ["pour cent", "%", "millions", "milliards", "tonnes"],
       ["percent", "%", "million", "billion", "tons"], "any other figure"),
)


def _parse_kinds(data: Any, path: Path) -> list[ClaimKindSpec]:
    if isinstance(data, dict):
        items = data.get("kinds", data.get("kind"))
        if items is None:
            raise ClaimsError(f"{path}: expected a 'kinds' list of claim kinds")
    else:
        items = data
    if not isinstance(items, list):
        raise ClaimsError(f"{path}: 'kinds' must be a list")
    out = []
    for i, item in enumerate(items):
        try:
            out.append(ClaimKindSpec.model_validate(item))
        except ValidationError as exc:
            err = exc.errors()[0]
            where = ".".join(str(x) for x in err.get("loc", ()))
            raise ClaimsError(f"{path}: kind #{i + 1}: {where}: {err.get('msg')}".replace(": :", ":")) from None
    return out


def read_kinds_file(path: str | Path) -> list[ClaimKindSpec]:
    """Claim kinds from a TOML or JSON file (one-line ClaimsError when it is malformed)."""
    path = Path(path).expanduser()
    if not path.is_file():
        raise ClaimsError(f"claim kinds file not found: {path}")
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise ClaimsError(f"{path}: invalid JSON: {exc}") from None
    else:
        from .config import read_toml

        data = read_toml(path)
    return _parse_kinds(data, path)


def load_kind_specs(path: str | Path | None = None) -> list[ClaimKindSpec]:
    """Built-in kinds plus user kinds (a user kind with a built-in's name replaces it).

    With ``path=None`` the user kinds come from the file named by ``nli.kinds`` in the claims
    config (``./claims.toml`` or the user config file), if any.
    """
    if path is None:
        from .config import load_settings

        path = load_settings().kinds
    kinds = {k.name: k for k in BUILTIN_KINDS}
    if path is not None:
        for k in read_kinds_file(path):
            kinds[k.name] = k
    return list(kinds.values())
