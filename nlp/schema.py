"""The registry of the template: canonical fields (fields.json) and the table layout
with its label aliases (template.json), both packaged data, loaded once.

>>> reg = registry()
>>> [r.id for r in reg.rows("2021", "review")]
['review', 'litigation_direct', 'litigation_after_review']
>>> reg.field_type("2019", "active.procurement.amount_yuan")
'amount_yuan'
>>> len(reg.field_ids("2019")), len(reg.field_ids("2021"))
(198, 200)
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .errors import SchemaError

EDITIONS = ("2019", "2021")
TABLES = ("active", "requests", "review")


@dataclass(frozen=True)
class Column:
    id: str
    aliases: tuple


@dataclass(frozen=True)
class TemplateRow:
    """One row of a template table: its id, label variants and columns.

    ``store`` is False for a row that is read only to keep the rows around it in place
    (the 2019 layout's single （六）其他处理 row in a 2021-edition report).
    """

    id: str
    table: str
    aliases: tuple
    columns: tuple
    optional: bool = False
    store: bool = True

    def field_ids(self) -> tuple:
        return tuple(f"{self.id}.{c.id}" for c in self.columns)


class Registry:
    def __init__(self, fields: dict, template: dict):
        self._fields = {ed: {f["id"]: f for f in fs} for ed, fs in fields["editions"].items()}
        sets = {name: tuple(Column(c["id"], tuple(c["aliases"])) for c in cols)
                for name, cols in template["column_sets"].items()}
        self._rows = {}
        self._section_aliases = {}
        self._one_row = set()
        for table, spec in template["tables"].items():
            self._section_aliases[table] = tuple(spec["section_aliases"])
            if spec.get("one_printed_row"):
                self._one_row.add(table)
            for edition, rows in spec["rows"].items():
                self._rows[edition, table] = tuple(
                    TemplateRow(r["id"], table, tuple(r["aliases"]), sets[r["columns"]],
                                r.get("optional", False), r.get("store", True))
                    for r in rows)
        self.edition_cues = {ed: tuple(cues) for ed, cues in template["edition_cues"].items()}
        self.loose_cell_cues = {col: tuple(words) for col, words in template["loose_cell_cues"].items()
                                if col != "about"}
        self._validate()

    def _validate(self) -> None:
        for (edition, table), rows in self._rows.items():
            known = self._fields[edition]
            for row in rows:
                missing = [f for f in row.field_ids() if row.store and f not in known]
                if missing:
                    raise SchemaError(f"template row {row.id} ({edition}) names unknown fields {missing}")
        for edition, known in self._fields.items():
            placed = {f for table in TABLES for r in self.rows(edition, table) if r.store for f in r.field_ids()}
            if placed != set(known):
                raise SchemaError(f"edition {edition}: fields without a template row: {sorted(set(known) - placed)}")

    def rows(self, edition: str, table: str) -> tuple:
        return self._rows[edition, table]

    def one_printed_row(self, table: str) -> bool:
        """The template prints the table's values as one row under its header (section 4:
        行政复议 and the two kinds of 行政诉讼 side by side), so a header with nothing under
        it is that row printed all blank; a table of several rows may have left rows out."""
        return table in self._one_row

    def section_aliases(self, table: str) -> tuple:
        return self._section_aliases[table]

    def field_ids(self, edition: str) -> list:
        return list(self._fields[edition])

    def field_type(self, edition: str, field_id: str) -> str:
        return self._fields[edition][field_id]["type"]

    def field_label(self, edition: str, field_id: str) -> str:
        return self._fields[edition][field_id]["label"]


def _load_json(name: str) -> dict:
    return json.loads(resources.files("nlp.data").joinpath(name).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def registry() -> Registry:
    """The packaged registry (loaded and validated once per process)."""
    return Registry(_load_json("fields.json"), _load_json("template.json"))
