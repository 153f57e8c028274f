"""Ruled tables of a PDF page, from PDFium's path objects and text boxes.

Input: a PDFium page and its text page. Output: for each ruled table of at least 2 rows and 3
columns, its box in PDF units (x0, bottom, x1, top; origin bottom left) and its rows as
`table_row` blocks.

The method is pdfplumber's "lines" strategy, on PDFium's objects instead of pdfminer's: the
straight horizontal and vertical segments of the page's paths (lines and rectangle sides) are
snapped to common positions, joined where they touch, crossed into intersections, closed into
the smallest cells, and the cells that share corners form a table. A cell's text is the text
PDFium finds inside the cell's box. It costs a few milliseconds a page where pdfplumber, which
parses the page again with pdfminer, costs 0.2-0.4 s.
"""

from __future__ import annotations

import ctypes
from collections import defaultdict

from alignment.document import Block

SNAP = 3.0        # positions closer than this (PDF units) are one ruling line
JOIN = 3.0        # collinear segments with a gap up to this are one line
TOUCH = 3.0       # a line ends this close to another one still crosses it
MIN_LENGTH = 3.0  # shorter segments are glyph decorations, not rulings
STRAIGHT = 0.5    # a segment within this of horizontal or vertical is straight
MAX_SEGMENTS = 20_000   # a page drawing more is a chart or a map, not a table: not searched
MAX_CROSSINGS = 40_000  # horizontal x vertical lines to cross; beyond, the page is not searched


class TooManyLines(Exception):
    """The page draws too many lines to be searched for tables in reasonable time."""


def find_tables(page, textpage, number: int) -> list[tuple[tuple[float, float, float, float], list[Block]]]:
    """[(bbox, [table_row Block, ...]), ...] for the ruled tables of one page."""
    horizontal, vertical = _edges(page)
    if len(horizontal) < 2 or len(vertical) < 2:
        return []
    horizontal = _join(_snap(horizontal))
    vertical = _join(_snap(vertical))
    if len(horizontal) * len(vertical) > MAX_CROSSINGS:
        raise TooManyLines
    points = _intersections(horizontal, vertical)
    cells = _cells(points)
    out = []
    for table in _tables(cells):
        rows = _rows(table, textpage)
        rows = [row for row in rows if any(row)]
        if len(rows) < 2 or max(len(row) for row in rows) < 3:
            continue
        x0 = min(c[0] for c in table)
        x1 = max(c[2] for c in table)
        bottom = min(c[1] for c in table)
        top = max(c[3] for c in table)
        blocks = [Block(kind="table_row", text=" | ".join(row), cells=row, page=number)
                  for row in rows]
        out.append(((x0, bottom, x1, top), blocks))
    return out


def _edges(page) -> tuple[list[list[float]], list[list[float]]]:
    """Straight segments of the page's paths, in page coordinates:
    horizontal [y, x0, x1] and vertical [x, y0, y1]."""
    import pypdfium2.raw as raw

    horizontal: list[list[float]] = []
    vertical: list[list[float]] = []
    x, y = ctypes.c_float(), ctypes.c_float()
    seen = 0
    for obj in page.get_objects(filter=[raw.FPDF_PAGEOBJ_PATH], max_depth=3):
        m = obj.get_matrix()
        form = obj.container
        while form is not None:  # a path inside a form XObject is placed by the form's matrix
            m = m.multiply(form.get_matrix())
            form = form.container
        count = raw.FPDFPath_CountSegments(obj.raw)
        seen += max(count, 0)
        if seen > MAX_SEGMENTS:
            raise TooManyLines
        start = prev = None
        for k in range(count):
            seg = raw.FPDFPath_GetPathSegment(obj.raw, k)
            if not raw.FPDFPathSegment_GetPoint(seg, x, y):
                continue
            point = (m.a * x.value + m.c * y.value + m.e, m.b * x.value + m.d * y.value + m.f)
            kind = raw.FPDFPathSegment_GetType(seg)
            if kind == raw.FPDF_SEGMENT_MOVETO:
                start = prev = point
                continue
            if kind == raw.FPDF_SEGMENT_LINETO and prev is not None:
                _add(prev, point, horizontal, vertical)
            prev = point
            if raw.FPDFPathSegment_GetClose(seg) and start is not None:
                _add(point, start, horizontal, vertical)
                prev = start
    return horizontal, vertical


def _add(a, b, horizontal, vertical) -> None:
    (ax, ay), (bx, by) = a, b
    if abs(ay - by) <= STRAIGHT and abs(ax - bx) >= MIN_LENGTH:
        horizontal.append([(ay + by) / 2, min(ax, bx), max(ax, bx)])
    elif abs(ax - bx) <= STRAIGHT and abs(ay - by) >= MIN_LENGTH:
        vertical.append([(ax + bx) / 2, min(ay, by), max(ay, by)])


def _snap(edges: list[list[float]]) -> list[list[float]]:
    """Edges whose positions lie within SNAP of each other take their cluster's mean."""
    edges = sorted(edges)
    cluster: list[list[float]] = []
    for edge in edges:
        if cluster and edge[0] - cluster[-1][0] > SNAP:
            _settle(cluster)
            cluster = []
        cluster.append(edge)
    _settle(cluster)
    return edges


def _settle(cluster: list[list[float]]) -> None:
    if cluster:
        mean = sum(e[0] for e in cluster) / len(cluster)
        for e in cluster:
            e[0] = mean


def _join(edges: list[list[float]]) -> list[tuple[float, float, float]]:
    """Collinear edges that overlap or nearly touch become one."""
    by_position: dict[float, list[list[float]]] = defaultdict(list)
    for e in edges:
        by_position[e[0]].append(e)
    out = []
    for pos, group in by_position.items():
        group.sort(key=lambda e: e[1])
        lo, hi = group[0][1], group[0][2]
        for _, a, b in group[1:]:
            if a <= hi + JOIN:
                hi = max(hi, b)
            else:
                out.append((pos, lo, hi))
                lo, hi = a, b
        out.append((pos, lo, hi))
    return out


def _intersections(horizontal, vertical) -> dict[tuple[float, float], tuple[set, set]]:
    """(x, y) -> (ids of the horizontal lines, ids of the vertical lines) crossing there."""
    points: dict[tuple[float, float], tuple[set, set]] = {}
    for vi, (x, y0, y1) in enumerate(vertical):
        for hi, (y, x0, x1) in enumerate(horizontal):
            if x0 - TOUCH <= x <= x1 + TOUCH and y0 - TOUCH <= y <= y1 + TOUCH:
                hs, vs = points.setdefault((x, y), (set(), set()))
                hs.add(hi)
                vs.add(vi)
    return points


def _cells(points) -> list[tuple[float, float, float, float]]:
    """The smallest closed rectangles (x0, bottom, x1, top) whose four corners are
    intersections joined by ruling lines."""
    by_row: dict[float, list[float]] = defaultdict(list)   # y -> xs
    by_col: dict[float, list[float]] = defaultdict(list)   # x -> ys
    for x, y in points:
        by_row[y].append(x)
        by_col[x].append(y)
    for xs in by_row.values():
        xs.sort()
    for ys in by_col.values():
        ys.sort(reverse=True)  # top first

    def joined_h(a, b):  # same y
        return bool(points[a][0] & points[b][0])

    def joined_v(a, b):  # same x
        return bool(points[a][1] & points[b][1])

    cells = []
    for (x, y) in points:
        below = [yy for yy in by_col[x] if yy < y]
        right = [xx for xx in by_row[y] if xx > x]
        found = None
        for yb in below:
            if not joined_v((x, y), (x, yb)):
                continue
            for xr in right:
                if not joined_h((x, y), (xr, y)):
                    continue
                corner = (xr, yb)
                if corner in points and joined_v((xr, y), corner) and joined_h((x, yb), corner):
                    found = (x, yb, xr, y)
                    break
            if found:
                break
        if found:
            cells.append(found)
    return cells


def _tables(cells) -> list[list[tuple[float, float, float, float]]]:
    """Cells grouped into tables: cells that share a corner belong together."""
    parent = list(range(len(cells)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[tuple[float, float], int] = {}
    for i, (x0, y0, x1, y1) in enumerate(cells):
        for corner in ((x0, y0), (x0, y1), (x1, y0), (x1, y1)):
            if corner in owner:
                parent[find(i)] = find(owner[corner])
            else:
                owner[corner] = i
    groups: dict[int, list] = defaultdict(list)
    for i, cell in enumerate(cells):
        groups[find(i)].append(cell)
    tables = [g for g in groups.values() if len(g) > 1]
    tables.sort(key=lambda g: (-max(c[3] for c in g), min(c[0] for c in g)))
    return tables


INSET = 2.5  # points


def _rows(table, textpage) -> list[list[str]]:
    """The table's rows, top to bottom, as lists of cell texts; a column a merged cell spans
    reads as an empty cell, as in pdfplumber."""
    columns = sorted({c[0] for c in table})
    rows: dict[float, dict[float, tuple]] = defaultdict(dict)
    for cell in table:
        rows[cell[3]][cell[0]] = cell
    out = []
    for top in sorted(rows, reverse=True):
        row = rows[top]
        out.append([_text(textpage, row[x]) if x in row else "" for x in columns])
    return out


def _text(textpage, cell) -> str:
    x0, y0, x1, y1 = cell
    # PDFium counts a character whose box touches the cell, so the descenders of a line set
    # just above the table ("g", "y") would open its first cell: keep off the rules a little.
    inset = min(INSET, (y1 - y0) / 4)
    text = textpage.get_text_bounded(left=x0, bottom=y0 + inset, right=x1, top=y1 - inset)
    text = text.replace("\x02", "-").replace("\ufffe", "-")
    return " ".join(text.split())
