"""Folder appraisal: a folder of proposals -> one `AppraisalRow` per file (and its `Appraisal`).

Input: a folder (walked like `batch` does: every non-hidden regular file is an input, symlinked
folders are not followed). Output: rows in path order. A file that cannot be read, or that is
not a proposal, becomes a row with status "error" and the reason: no proposal is dropped.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from ..batch.inputs import walk
from ..errors import AlignmentError
from ..read import DEFAULT_MAX_SIZE
from .criteria import DwcpContext
from .model import Appraisal, AppraisalRow

log = logging.getLogger("alignment")


def row_of(path: str, a: Appraisal) -> AppraisalRow:
    d = a.document
    return AppraisalRow(path=path, status="ok", type=d.type, language=d.language, title=d.title,
                        verdicts={c.id: c.verdict for c in a.criteria}, un_gem=a.gender_marker.un_gem,
                        oecd_dac=a.gender_marker.oecd_dac, overall=a.overall, overall_score=a.overall_score,
                        top_fixes=a.top_fixes, reason="; ".join(a.warnings) or None)


def appraise_folder(folder: str, *, dwcp: DwcpContext | None = None, rules_dirs: tuple[str, ...] = (),
                    max_size: int = DEFAULT_MAX_SIZE, language: str | None = None, doc_type: str | None = None,
                    progress: Callable[[str], None] | None = None) -> list[tuple[AppraisalRow, Appraisal | None]]:
    from . import appraise

    out: list[tuple[AppraisalRow, Appraisal | None]] = []
    for item in walk(folder).items:
        if progress:
            progress(item.display)
        if item.problem:
            out.append((AppraisalRow(path=item.display, status="error", reason=item.problem.reason), None))
            continue
        try:
            a = appraise(item.path, dwcp=dwcp, rules_dirs=rules_dirs, max_size=max_size, language=language,
                         doc_type=doc_type)
        except AlignmentError as exc:
            out.append((AppraisalRow(path=item.display, status="error", reason=exc.reason), None))
            continue
        except Exception as exc:  # one bad file must not stop the folder
            log.debug("appraising %s failed", item.display, exc_info=True)
            out.append((AppraisalRow(path=item.display, status="error",
                                     reason=f"internal error: {exc.__class__.__name__}: {exc}"), None))
            continue
        out.append((row_of(item.display, a), a))
    return out
