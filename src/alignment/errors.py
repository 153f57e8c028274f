"""Coded, user-readable errors.

Every failure a user can cause (a bad file, a bad rule pack, a wrong argument) is raised as an
`AlignmentError` subclass carrying a short code, the file it concerns and a one-line reason.
The CLI turns these into `alignment: <file>: <reason>` on stderr and exit code 2; a batch run
records them in `errors.csv`. Nothing here has side effects at import time.
"""

from __future__ import annotations

from dataclasses import dataclass


class AlignmentError(Exception):
    """Base class: `code` is stable (used in errors.csv and tests), `reason` is for people."""

    code = "error"

    def __init__(self, path: str | None, reason: str):
        self.path = str(path) if path is not None else None
        self.reason = reason
        super().__init__(self.message)

    @property
    def message(self) -> str:
        return f"{self.path}: {self.reason}" if self.path else self.reason


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that failed, as data: what a batch keeps of an error (an errors.csv row's `code`
    and `reason`), known before analysis (`Input.problem`) or reported by a worker."""

    code: str  # an `AlignmentError.code` ("input", "unsupported-format", ...) or "timeout", "crash"
    reason: str  # one line for people

    @classmethod
    def of(cls, exc: AlignmentError, prefix: str = "") -> "Failure":
        """The failure an error stands for, its reason after `prefix`."""
        return cls(exc.code, f"{prefix}{exc.reason}")


class InputError(AlignmentError):
    """The input file cannot be read as a document (missing, empty, corrupt, encrypted...)."""

    code = "input"


class PlanChoiceError(InputError):
    """A UN INFO export whose plan the user has not (or not precisely) chosen; `plans` lists
    the export's plans as "country: plan", for a reader that shows them as a list."""

    def __init__(self, path: str | None, reason: str, plans: list[str] | None = None):
        self.plans = plans or []
        super().__init__(path, reason)


class NoTextLayerError(InputError):
    """A PDF whose pages carry images but no text: it needs OCR, not a verdict."""

    code = "no-text-layer"


class TooLargeError(InputError):
    """A file above --max-size, or an archive whose uncompressed size is above the limit."""

    code = "too-large"


class UnsupportedFormatError(InputError):
    """A format we do not read (legacy .doc, images, spreadsheets...)."""

    code = "unsupported-format"


class RulePackError(AlignmentError):
    """A rule pack that fails validation; `problems` lists every problem found in one pass."""

    code = "rules"

    def __init__(self, path: str | None, reason: str, problems: list[str] | None = None):
        self.problems = problems or []
        super().__init__(path, reason)


class DocumentKindError(AlignmentError):
    """A command got a document of the wrong kind (e.g. compare given two frameworks)."""

    code = "document-kind"


class GoldFileError(AlignmentError):
    """A gold file that does not follow the shared gold format."""

    code = "gold"


class AnalysisTimeout(AlignmentError):
    """A document took longer than the per-document timeout of a batch."""

    code = "timeout"
