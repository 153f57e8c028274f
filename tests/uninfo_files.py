"""Small synthetic UN INFO exports for the tests (never text of the shared exports)."""

from __future__ import annotations

import csv

HEADER = ["Country", "Plan name", "Strategic priority code", "Strategic priority", "Outcome code", "Outcome",
          "Output code", "Output", "Sub-Output code", "Sub-Output", "ID", "Description",
          "Agency abbreviations", "Contributing partners", "Implementation partners", "SDG Targets",
          "Gender marker", "Human rights marker", "2022 Narrative", "2023 Narrative"]


def row(country="Kandara", plan="Kandara Cooperation Framework 2023-2027", *, pri="Shared prosperity",
        outcome="Outcome 1.1 By 2027, more women and men have decent and productive work",
        output="Output 1.1.1: Labour institutions strengthened", sub="Sub-output text", id="101",
        desc="-", agencies="ILO; UNDP", contributing="-", implementing="-", sdg="8.5 Full employment",
        gender="2 - Gender equality/women's empowerment is a significant objective",
        rights="1 - Limited contribution to realization of human rights", n2022="-", n2023="-",
        codes=(1, 1, 1, 1)):
    return [country, plan, float(codes[0]), pri, float(codes[1]), outcome, float(codes[2]), output,
            float(codes[3]), sub, float(id) if id.isdigit() else id, desc, agencies, contributing,
            implementing, sdg, gender, rights, n2022, n2023]


def kandara_rows():
    """A plan whose commitments carry SO3 and SO2; child labour only in a progress narrative;
    an employers' federation and a trade union congress as partners; the Tavira plan has no ILO."""
    return [
        row(sub="1.1.1.1 Social protection floor extended to workers in the informal economy", id="101",
            implementing="Ministry of Labour and Social Security; Kandara Federation of Employers",
            contributing="Kandara Trades Union Congress",
            n2023="The programme withdrew 300 children from child labour in the mines."),
        row(sub="1.1.1.2 Apprenticeship and TVET programmes for young people", id="102",
            agencies="UNICEF", sdg="4.4 Skills for employment", gender="1 - limited",
            desc="Coop√©ration with the Minist√®re de l‚Äô√âducation on skills for employment."),
        row(plan="Tavira UNSDCF", country="Tavira", sub="Roads rehabilitated in three provinces", id="201",
            agencies="UNOPS", sdg="9.1 Infrastructure", gender="0 - no contribution",
            outcome="Outcome 2.1 Infrastructure improved", output="Output 2.1.1: Roads"),
    ]


def write_xlsx(path, rows, header=HEADER, sheet="export_2025-07-06"):
    import xlsxwriter

    with xlsxwriter.Workbook(str(path)) as wb:
        ws = wb.add_worksheet(sheet)
        if header:
            ws.write_row(0, 0, header)
        for i, r in enumerate(rows, start=1):
            ws.write_row(i, 0, r)
    return path


def write_csv(path, rows, header=HEADER, encoding="utf-8"):
    with open(path, "w", newline="", encoding=encoding) as fh:
        w = csv.writer(fh)
        w.writerow(header)
        for r in rows:
            w.writerow([int(c) if isinstance(c, float) else c for c in r])
    return path
