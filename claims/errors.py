"""Errors that the CLI turns into a one-line message and exit code 2."""
from __future__ import annotations


class ClaimsError(Exception):
    """Bad input or configuration: reported as one line, never as a traceback."""

    exit_code = 2


class InputError(ClaimsError):
    """Missing, binary, empty or undecodable input."""


class AnalysisFailed(ClaimsError):
    """The analysis of one document failed in a known way (its deadline passed, the analysing
    process died); the message says how. The rest of the corpus goes on."""
