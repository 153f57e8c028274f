"""Spreadsheet-safe cells for CSV files.

A CSV cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is run as a
formula when the file is opened in Excel or LibreOffice ("CSV injection"). Document text ends
up in cells (sentences, titles, file names), so such a text cell gets a leading apostrophe,
which spreadsheets show as text and do not display. Numbers ("-3", "+2.5") stay as they are.
XLSX files need no such care: they are written with formulas off.
"""

from __future__ import annotations

import re

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?%?")


def safe_cell(value):
    if isinstance(value, str) and value.startswith(_TRIGGERS) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def safe_row(row) -> list:
    return [safe_cell(v) for v in row]
