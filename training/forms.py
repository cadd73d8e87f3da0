"""A report's tables in the forms users have, from its gold record and narrative text.

A report folder (``data/forms/<stem>/`` or ``data/heldout/…/tables/<stem>/``) holds
``gold.json`` (the hand-checked record: ``tables`` keyed by canonical cell id, ``null`` for a
cell printed blank; an optional ``printed`` mapping gives a cell's printed text where it is not
the bare number, e.g. ``"251000元"``) and ``narrative.txt`` (the title on the first line, then
one paragraph or heading a line; the section-2/3/4 tables go right after the lines that start
with 二、 / 三、 / 四、).

The tables are laid out as the national template prints them (国办公开办函〔2019〕60号 and
〔2021〕30号: one table per section, rowspan/colspan headings, an empty cell for a blank) and
written as:

======== ============================== ==========================================================
form     file                           what
======== ============================== ==========================================================
html     ``<stem>.html``                the template's HTML page, empty ``<td></td>`` for a blank
docx     ``<s>d_<rest>.docx``           the Word file typed from it (python-docx, merged cells)
pdf      ``<s>q_<rest>-print.pdf``      the page as chromium prints it (``--print-to-pdf``)
pipes    ``<s>p_<rest>-pipe_rows.txt``  one grid row a line, each cell followed by `` |``
cells    ``<s>c_<rest>-cell_lines.txt`` a cell a line, a ``|`` line after each (seeds 001/002)
blanks   ``<s>b_<rest>-blank_lines.txt`` cells separated by an empty line; a blank adds one (seed 004)
markdown ``<s>m_<rest>-markdown.md``    GitHub tables of the expanded grid (covered positions empty)
======== ============================== ==========================================================

(``<s>`` is the stem's first token, ``f01`` in ``f01_shanghai-gov-office-2019``, so each form
has its own stem for ``score.py``.) Text forms print the cells in document order, as a scraper
reading the HTML does: a spanning cell once, where it starts.

    python -m training.forms data/forms/f01_shanghai-gov-office-2019 --out /tmp/forms --gold
    python -m training.forms data/forms/* --out /tmp/forms --check

Nothing here imports the ``nlp`` package.
"""
from __future__ import annotations

import argparse
import html as htmlmod
import io
import json
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from training.forms_layout import Cell, Table, tables_for

FORMS = ("html", "docx", "pdf", "pipes", "cells", "blanks", "markdown")
#: form → (letter added to the stem's first token, file name suffix)
NAMES = {"html": ("", ".html"), "docx": ("d", ".docx"), "pdf": ("q", "-print.pdf"),
         "pipes": ("p", "-pipe_rows.txt"), "cells": ("c", "-cell_lines.txt"),
         "blanks": ("b", "-blank_lines.txt"), "markdown": ("m", "-markdown.md")}
HEADING = re.compile(r"^[一二三四五六]、")
TABLE_AFTER = {"二": 2, "三": 3, "四": 4}
STYLE = "table{border-collapse:collapse;margin:8px 0}td{border:1px solid #000;padding:2px 6px;font-size:13px}"


class FormsError(Exception):
    """A report folder that cannot be turned into forms (message names the file and the fault)."""


@dataclass
class Report:
    stem: str
    edition: str
    title: str
    lines: list            # narrative after the title: headings and paragraphs
    values: dict           # canonical id → number or None (blank); absent = not in the report
    printed: dict = field(default_factory=dict)

    def text(self, field_id: str) -> str:
        """The printed text of a value cell ('' for a blank)."""
        if field_id in self.printed:
            return self.printed[field_id]
        value = self.values.get(field_id)
        if value is None:
            return ""
        return str(int(value)) if float(value).is_integer() else repr(float(value))

    def blocks(self) -> list:
        """Narrative lines with the section tables after their headings: str | Table."""
        tables, out, placed = tables_for(self.edition), [], set()
        for line in self.lines:
            out.append(line)
            number = TABLE_AFTER.get(line[:1]) if HEADING.match(line) else None
            if number and number not in placed:
                placed.add(number)
                out.append(tables[number])
        missing = sorted(set(TABLE_AFTER.values()) - placed)
        if missing:
            raise FormsError(f"{self.stem}/narrative.txt: no heading line for section(s) {missing}")
        return out


def load_report(folder: Path) -> Report:
    folder = Path(folder)
    try:
        gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
        lines = [ln.strip() for ln in (folder / "narrative.txt").read_text(encoding="utf-8").splitlines()]
    except (OSError, ValueError) as exc:
        raise FormsError(f"{folder}: cannot read gold.json / narrative.txt: {exc}") from None
    lines = [ln for ln in lines if ln]
    if gold.get("edition") not in ("2019", "2021") or not lines:
        raise FormsError(f"{folder}/gold.json: edition must be '2019' or '2021', narrative.txt non-empty")
    return Report(folder.name, gold["edition"], lines[0], lines[1:], dict(gold.get("tables", {})),
                  dict(gold.get("printed", {})))


def form_name(stem: str, form: str) -> str:
    letter, suffix = NAMES[form]
    head, _, rest = stem.partition("_")
    return f"{head}{letter}_{rest}{suffix}" if rest else f"{head}{letter}{suffix}"


def cell_text(report: Report, cell: Cell) -> str:
    return report.text(cell.field) if cell.field else cell.text


# --- HTML ----------------------------------------------------------------------------------

#: The page's style with the cells' borders hidden: the table a PDF prints without rules.
UNRULED_STYLE = STYLE.replace("border:1px solid #000", "border:none")


def html_page(report: Report, ruled: bool = True) -> str:
    esc = htmlmod.escape
    out = [f"<!DOCTYPE html><html lang='zh'><head><meta charset='utf-8'><title>{esc(report.title)}</title>"
           f"<style>{STYLE if ruled else UNRULED_STYLE}</style></head><body>", f"<h1>{esc(report.title)}</h1>"]
    for block in report.blocks():
        if isinstance(block, Table):
            out.append("<table border='1'>" if ruled else "<table border='0'>")
            for row in block.rows:
                tds = []
                for cell in row:
                    span = (f" rowspan='{cell.rowspan}'" if cell.rowspan > 1 else "") + \
                           (f" colspan='{cell.colspan}'" if cell.colspan > 1 else "")
                    tds.append(f"<td{span}>{esc(cell_text(report, cell))}</td>")
                out.append("<tr>" + "".join(tds) + "</tr>")
            out.append("</table>")
        else:
            tag = "h2" if HEADING.match(block) else "p"
            out.append(f"<{tag}>{esc(block)}</{tag}>")
    return "\n".join(out + ["</body></html>", ""])


# --- DOCX ----------------------------------------------------------------------------------

def docx_bytes(report: Report) -> bytes:
    import docx

    document = docx.Document()
    document.add_heading(report.title, level=0)
    for block in report.blocks():
        if isinstance(block, Table):
            _docx_table(document, report, block)
        elif HEADING.match(block):
            document.add_heading(block, level=1)
        else:
            document.add_paragraph(block)
    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_zip_times(buffer.getvalue())


def _docx_table(document, report: Report, table: Table) -> None:
    placed = table.placed()
    word = document.add_table(rows=len(table.rows), cols=table.width)
    word.style = "Table Grid"
    grid = [list(row.cells) for row in word.rows]
    for r, c, cell in placed:
        grid[r][c].text = cell_text(report, cell)
    for r, c, cell in placed:
        if cell.rowspan > 1 or cell.colspan > 1:
            grid[r][c].merge(grid[r + cell.rowspan - 1][c + cell.colspan - 1])


def _fixed_zip_times(data: bytes) -> bytes:
    """The same zip with every member dated 1980-01-01, so equal input gives equal bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


# --- PDF -----------------------------------------------------------------------------------

def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return shutil.which(name)
    raise FormsError("no chromium on PATH (the Makefile's sysdeps target installs it)")


def pdf_bytes(page: str, timeout: float = 120, header_footer: bool = False) -> bytes:
    """The HTML page as chromium prints it. Without ``header_footer`` the print has no date,
    title and file URL in its margins (as the shared forms/020q and 021q), so equal pages give
    equal text; with it, the margins are those of a default browser print."""
    with tempfile.TemporaryDirectory() as tmp:
        src, dst = Path(tmp) / "page.html", Path(tmp) / "page.pdf"
        src.write_text(page, encoding="utf-8")
        cmd = [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
               "--disable-background-networking", f"--user-data-dir={tmp}/profile",
               f"--print-to-pdf={dst}", src.as_uri()]
        if not header_footer:
            cmd.insert(-1, "--no-pdf-header-footer")
        run = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
        if run.returncode != 0 or not dst.exists():
            raise FormsError(f"chromium could not print {src.name}: {run.stderr.strip()[-300:]}")
        return dst.read_bytes()


# --- text layouts --------------------------------------------------------------------------

def text_layout(report: Report, form: str) -> str:
    if form not in ("pipes", "cells", "blanks", "markdown"):
        raise FormsError(f"unknown text layout {form!r}")
    md = form == "markdown"
    out = [f"# {report.title}" if md else report.title]
    for block in report.blocks():
        if isinstance(block, Table):
            out += _table_lines(report, block, form)
        elif md:
            out += ["", ("## " if HEADING.match(block) else "") + block]
        else:
            out.append(block)
    return "\n".join(out) + "\n"


def _table_lines(report: Report, table: Table, form: str) -> list:
    if form == "markdown":
        grid = [[cell_text(report, cell).replace("|", "\\|") if cell else "" for cell in row]
                for row in table.grid()]
        rows = ["| " + " | ".join(row) + " |" for row in grid]
        return ["", rows[0], "|" + " --- |" * table.width] + rows[1:]
    texts = [[cell_text(report, cell) for cell in row] for row in table.rows]
    if form == "pipes":
        return [" | ".join(row) + " |" for row in texts]
    lines = []
    for text in (t for row in texts for t in row):
        lines += [text, "|"] if form == "cells" else [text, ""]
    return lines


# --- writing -------------------------------------------------------------------------------

def unruled_pdf_bytes(report: Report) -> bytes:
    """The page printed with its tables' borders hidden (not one of FORMS: a table without
    rules cannot show a row of blank cells, so it is tested apart)."""
    return pdf_bytes(html_page(report, ruled=False))


def render(report: Report, form: str) -> bytes:
    if form == "html":
        return html_page(report).encode("utf-8")
    if form == "docx":
        return docx_bytes(report)
    if form == "pdf":
        return pdf_bytes(html_page(report))
    return text_layout(report, form).encode("utf-8")


def write_forms(folder: Path, out: Path, forms=FORMS, gold: bool = False) -> list:
    """Write the report's forms (and, with ``gold``, a gold copy per form for score.py)."""
    report = load_report(folder)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    record = json.loads((Path(folder) / "gold.json").read_text(encoding="utf-8")) if gold else None
    for form in forms:
        name = form_name(report.stem, form)
        (out / name).write_bytes(render(report, form))
        written.append(out / name)
        if gold:
            copy = dict(record, source=name)
            copy.setdefault("notes", [])
            copy["notes"] = [f"Form {form} of {report.stem}, made by training/forms.py."] + copy["notes"]
            (out / (name.split(".")[0] + ".json")).write_text(
                json.dumps(copy, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return written


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Write a report's tables in the forms users have.")
    ap.add_argument("folders", nargs="+", type=Path, help="report folders (gold.json + narrative.txt)")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--forms", default=",".join(FORMS), help=f"comma list of {', '.join(FORMS)}")
    ap.add_argument("--gold", action="store_true", help="also write a gold copy per form (for score.py)")
    ap.add_argument("--check", action="store_true", help="read every written form back and compare with the gold")
    args = ap.parse_args(argv)
    forms = [f for f in args.forms.split(",") if f]
    unknown = sorted(set(forms) - set(FORMS))
    if unknown:
        print(f"error: unknown form(s) {unknown}; choose from {', '.join(FORMS)}", file=sys.stderr)
        return 2
    status = 0
    for folder in args.folders:
        try:
            paths = write_forms(folder, args.out, forms, gold=args.gold)
        except (FormsError, OSError, subprocess.TimeoutExpired) as exc:
            print(f"error: {folder}: {exc}", file=sys.stderr)
            status = 1
            continue
        for path in paths:
            print(path)
        if args.check:
            from training.forms_check import check_report
            for line, ok in check_report(load_report(folder), paths):
                print(("  ok   " if ok else "  FAIL ") + line)
                status = status or (0 if ok else 1)
    return status


if __name__ == "__main__":
    sys.exit(main())
