"""Inputs of a batch: a folder or a manifest -> the sorted list of `Input`s, and what was skipped.

A folder is walked without following symlinked folders (visited folders are tracked by
(st_dev, st_ino), so a link loop or a bind mount cannot make the walk endless). Every regular
file that is not hidden is an input, whatever its extension: the worker refuses what is not a
document and the refusal lands in errors.csv, so nothing is silently lost. A symlink to a file
is an input; hidden files and folders, symlinked folders and the output folder are skipped and
counted. A manifest is a CSV file with a `path` column (absolute, or relative to the folder the
manifest is in; a path that does not exist is an error naming the path looked for) and any
other columns (country, type, year, ...), carried into documents.csv.
"""

from __future__ import annotations

import csv
import os
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import AlignmentError, Failure


@dataclass
class Input:
    path: str = field(metadata={"doc": "The path to open (may hold undecodable bytes)."})
    display: str = field(metadata={"doc": "NFC, valid UTF-8: the path written in the outputs."})
    row: int = 0
    fields: dict[str, str] = field(default_factory=dict)
    problem: Failure | None = None  # known before analysis

    @property
    def key(self) -> tuple[str, int]:
        return (self.display, self.row)


@dataclass
class Inputs:
    items: list[Input]
    columns: list[str]  # manifest columns besides path, in manifest order
    skipped: dict[str, int]


def collect(source: str | list[str], output: str | None = None) -> Inputs:
    """Folders, manifest CSVs and UN INFO exports (XLSX, CSV) -> inputs sorted by display path.

    Exports, given or found in a folder, are read together (rows merged by sub-output ID) and
    give one input per plan (`batch/plans.py`, which writes the plans under `output`)."""
    from .plans import PLAN_COLUMNS, is_export_file, plan_inputs

    sources = [source] if isinstance(source, str) else list(source)
    if not sources:
        raise AlignmentError(None, "give a folder, a manifest .csv or UN INFO exports")
    items: list[Input] = []
    columns: list[str] = []
    skipped: dict[str, int] = {}
    exports: list[tuple[str, str]] = []
    for src in sources:
        if os.path.isdir(src):
            found = walk(src, output)
            prefix = "" if len(sources) == 1 else display_path(src.rstrip("/")) + "/"
            for item in found.items:
                if not item.problem and is_export_file(item.path):
                    exports.append((item.path, prefix + item.display))
                else:
                    items.append(Input(item.path, prefix + item.display, item.row, item.fields, item.problem))
        elif os.path.isfile(src) and is_export_file(src):
            exports.append((src, display_path(src)))
            continue
        elif os.path.isfile(src) and src.lower().endswith(".csv"):
            found = read_manifest(src)
            columns += [c for c in found.columns if c not in columns]
            items += found.items
        elif not os.path.exists(src):
            raise AlignmentError(src, "no such folder, manifest or export")
        else:
            raise AlignmentError(src, "give a folder of documents, a manifest .csv file or UN INFO exports "
                                 "(.xlsx, .csv)")
        for k, v in found.skipped.items():
            skipped[k] = skipped.get(k, 0) + v
    if exports:
        if output is None:
            raise AlignmentError(None, "UN INFO exports need an output folder for their plans")
        items += plan_inputs(exports, output)
        columns += [c for c in PLAN_COLUMNS if c not in columns]
    items.sort(key=lambda i: i.key)
    return Inputs(items, columns, skipped)


def display_path(path: str) -> str:
    """A path as it can be written in CSV/XLSX: undecodable bytes replaced, NFC."""
    text = os.fsencode(path).decode("utf-8", errors="replace")
    return unicodedata.normalize("NFC", text)


def walk(folder: str, output: str | None = None) -> Inputs:
    skipped = {"hidden": 0, "symlinked_folders": 0, "output_folder": 0}
    exclude = set()
    if output and os.path.isdir(output):
        st = os.stat(output)
        exclude.add((st.st_dev, st.st_ino))
    root = os.stat(folder)
    seen = {(root.st_dev, root.st_ino)}
    items: list[Input] = []
    stack = [""]
    while stack:
        rel = stack.pop()
        here = os.path.join(folder, rel) if rel else folder
        try:
            with os.scandir(here) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            # a folder we cannot list is one input we could not analyse, not a silent hole
            shown = display_path(rel or ".")
            items.append(Input(here, shown, problem=Failure("input", f"cannot list the folder "
                                                                     f"({exc.strerror or type(exc).__name__})")))
            continue
        for entry in entries:
            relpath = os.path.join(rel, entry.name) if rel else entry.name
            if entry.name.startswith("."):
                skipped["hidden"] += 1
                continue
            try:
                if entry.is_symlink():
                    try:
                        target = os.stat(entry.path)
                    except OSError:  # broken link: an input the reader will call missing
                        items.append(Input(entry.path, display_path(relpath)))
                        continue
                    if stat.S_ISDIR(target.st_mode):
                        skipped["symlinked_folders"] += 1
                        continue
                    items.append(Input(entry.path, display_path(relpath)))
                    continue
                st = entry.stat(follow_symlinks=False)
            except OSError as exc:
                items.append(Input(entry.path, display_path(relpath),
                                   problem=Failure("input", f"cannot open the file ({exc.strerror})")))
                continue
            if stat.S_ISDIR(st.st_mode):
                ident = (st.st_dev, st.st_ino)
                if ident in exclude:
                    skipped["output_folder"] += 1
                elif ident not in seen:
                    seen.add(ident)
                    stack.append(relpath)
                continue
            # regular files and also FIFOs, sockets, devices: the reader refuses the latter
            # ("not a regular file") without opening them, and errors.csv says so
            items.append(Input(entry.path, display_path(relpath)))
    items.sort(key=lambda i: i.key)
    return Inputs(items, [], skipped)


def read_manifest(manifest: str) -> Inputs:
    base = os.path.dirname(os.path.abspath(manifest))
    try:
        with open(manifest, newline="", encoding="utf-8-sig") as fh:
            reader = csv.reader(fh)
            header = next(reader, None)
            rows = list(reader)
    except UnicodeDecodeError:
        raise AlignmentError(manifest, "the manifest is not UTF-8 text") from None
    except (OSError, csv.Error) as exc:
        raise AlignmentError(manifest, f"cannot read the manifest ({exc})") from None
    if not header:
        raise AlignmentError(manifest, "empty manifest: a `path` column is required")
    names = [unicodedata.normalize("NFC", h.strip()) for h in header]
    lowered = [n.lower() for n in names]
    if "path" not in lowered:
        raise AlignmentError(manifest, "the manifest has no `path` column")
    pcol = lowered.index("path")
    columns, seen = [], set()
    for i, n in enumerate(names):
        if i == pcol:
            continue
        if not n or n in seen:
            raise AlignmentError(manifest, f"manifest column {i + 1} has an empty or repeated name")
        seen.add(n)
        columns.append(n)
    items = []
    for number, row in enumerate(rows, start=2):  # the header is line 1
        if not any(cell.strip() for cell in row):
            continue
        row = row + [""] * (len(names) - len(row))
        fields = {n: unicodedata.normalize("NFC", row[i].strip()) for i, n in enumerate(names) if i != pcol}
        written = unicodedata.normalize("NFC", row[pcol].strip())
        if not written:
            items.append(Input("", f"(manifest line {number})", number, fields,
                               problem=Failure("input", "empty path in the manifest")))
            continue
        real = str(Path(written if os.path.isabs(written) else os.path.join(base, written)))
        items.append(Input(real, written, number, fields, problem=_missing(real, written)))
    items.sort(key=lambda i: i.key)
    return Inputs(items, columns, {})


def _missing(real: str, written: str) -> Failure | None:
    """A manifest path that leads nowhere: the error says where it looked, and why there."""
    try:
        os.stat(real)
        return None
    except FileNotFoundError:
        rule = "" if os.path.isabs(written) else " (manifest paths are relative to the manifest's folder)"
        return Failure("input", f"file not found: {real}{rule}")
    except OSError:  # unreadable folder, a loop of links: the reader says it in its own words
        return None
