"""Spreadsheet-safe cells for CSV files.

A CSV cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is run as a
formula when the file is opened in Excel or LibreOffice ("CSV injection"). Document text ends
up in cells (sentences, titles, file names), so such a text cell gets a leading apostrophe,
which spreadsheets show as text and do not display. Numbers ("-3", "+2.5") stay as they are.
XLSX files need no such care: they are written with formulas off.
"""

from __future__ import annotations

import re

_TRIGGERS = frozenset("=+-@\t\r")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?%?")


def safe_cell(value):
    if type(value) is str and value and value[0] in _TRIGGERS and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def safe_row(row, columns=None) -> list:
    """The row with its risky text cells neutralised; `columns`: the indexes that can hold
    document text (the others are ids, numbers and category names), all by default. Half a
    million findings rows go through here in a batch: a row with nothing to change is
    returned as it is."""
    out = None
    for i in (range(len(row)) if columns is None else columns):
        safe = safe_cell(row[i])
        if safe is not row[i]:
            if out is None:
                out = list(row)
            out[i] = safe
    return row if out is None else out
