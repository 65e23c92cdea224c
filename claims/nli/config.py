"""Where the NLI settings come from: ``--nli``, ``CLAIMS_NLI``, ``claims.toml``, the user config file.

Precedence for the model spec (first wins): the explicit value (``--nli MODEL`` /
``get_engine(spec)``), the environment variable ``CLAIMS_NLI``, ``nli.model`` in
``./claims.toml``, ``nli.model`` in ``$XDG_CONFIG_HOME/claims/config.toml``, then the default
``offline``. Other keys of the ``[nli]`` table: ``threads``, ``quantize``, ``batch_size``,
``max_length``, ``device``, ``labels`` (checkpoint label name -> entailment/neutral/contradiction)
and ``kinds`` (path of a claim-kinds file, relative to the config file).
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ClaimsError

DEFAULT_SPEC = "offline"
QUALITY_MODEL = "MoritzLaurer/mDeBERTa-v3-base-xnli-multilingual-nli-2mil7"
SPEED_MODEL = "MoritzLaurer/multilingual-MiniLMv2-L6-mnli-xnli"


def user_config_path() -> Path:
    """``$XDG_CONFIG_HOME/claims/config.toml`` (platform equivalent elsewhere)."""
    xdg = os.environ.get("XDG_CONFIG_HOME")
    if xdg:
        return Path(xdg) / "claims" / "config.toml"
    import platformdirs

    return Path(platformdirs.user_config_dir("claims")) / "config.toml"


def config_paths() -> list[Path]:
    """Config files in increasing priority: the user file, then ``./claims.toml``."""
    return [user_config_path(), Path.cwd() / "claims.toml"]


def read_toml(path: Path) -> dict[str, Any]:
    """Read a TOML file, turning syntax errors into a one-line :class:`ClaimsError`."""
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ClaimsError(f"{path}: invalid TOML: {exc}") from None
    except OSError as exc:
        raise ClaimsError(f"{path}: cannot read: {exc.strerror or exc}") from None


@dataclass
class NLISettings:
    """The resolved NLI settings and where the model spec came from."""

    spec: str = DEFAULT_SPEC
    source: str = "default"
    threads: int | None = None
    quantize: bool = False
    batch_size: int = 16
    max_length: int | None = None
    device: str | None = None
    labels: dict[str, str] = field(default_factory=dict)
    kinds: Path | None = None
    files: list[Path] = field(default_factory=list)


def _int(value: Any, what: str) -> int:
    try:
        out = int(value)
    except (TypeError, ValueError):
        raise ClaimsError(f"{what} must be an integer, not {value!r}") from None
    if out <= 0:
        raise ClaimsError(f"{what} must be positive, not {value!r}")
    return out


def _bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in {"1", "true", "yes", "on", "int8"}


def load_settings(spec: str | None = None) -> NLISettings:
    """Resolve the NLI settings (see the module docstring for the precedence)."""
    st = NLISettings()
    for path in config_paths():
        if not path.is_file():
            continue
        data = read_toml(path)
        nli = data.get("nli", {})
        if not isinstance(nli, dict):
            raise ClaimsError(f"{path}: [nli] must be a table")
        st.files.append(path)
        if "model" in nli:
            st.spec, st.source = str(nli["model"]), f"nli.model in {path}"
        if "threads" in nli:
            st.threads = _int(nli["threads"], f"{path}: nli.threads")
        if "quantize" in nli:
            st.quantize = _bool(nli["quantize"])
        if "batch_size" in nli:
            st.batch_size = _int(nli["batch_size"], f"{path}: nli.batch_size")
        if "max_length" in nli:
            st.max_length = _int(nli["max_length"], f"{path}: nli.max_length")
        if "device" in nli:
            st.device = str(nli["device"])
        if "labels" in nli:
            if not isinstance(nli["labels"], dict):
                raise ClaimsError(f"{path}: nli.labels must be a table of label name -> entailment/neutral/contradiction")
            st.labels.update({str(k): str(v) for k, v in nli["labels"].items()})
        if "kinds" in nli:
            st.kinds = (path.parent / str(nli["kinds"])).resolve()
    env = os.environ.get("CLAIMS_NLI")
    if env:
        st.spec, st.source = env, "environment variable CLAIMS_NLI"
    if os.environ.get("CLAIMS_THREADS"):
        st.threads = _int(os.environ["CLAIMS_THREADS"], "CLAIMS_THREADS")
    if os.environ.get("CLAIMS_NLI_QUANTIZE"):
        st.quantize = _bool(os.environ["CLAIMS_NLI_QUANTIZE"])
    if spec:
        st.spec, st.source = spec, "explicit option (--nli)"
    st.spec = st.spec.strip()
    return st


def is_local_spec(spec: str) -> bool:
    """True when ``spec`` names (or clearly means to name) a local folder rather than a hub id."""
    p = Path(spec).expanduser()
    if p.exists():
        return True
    return (
        spec.startswith(("/", ".", "~"))
        or "\\" in spec
        or spec.count("/") > 1
        or (len(spec) > 1 and spec[1] == ":")
    )
