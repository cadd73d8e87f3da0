"""CPU time of each stage against the length of the text, up to the character limit
(``nlp.engine.MAX_TEXT_CHARS``): the figures behind the README's limits table.

    .venv/bin/python benchmarks/bench_length.py                       # 100k, 250k, 500k, 1M
    .venv/bin/python benchmarks/bench_length.py --lengths 200000 1000000 --shapes prose

Three shapes of long text, each grown from a seed report in data/samples: ``prose`` (a
paragraph of section one repeated), ``table`` (a table row repeated inside its table) and
``oneline`` (the whole report on one line, repeated). A stage is linear when its time grows
as the length does. Figures are printed, not asserted.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from nlp import checks, facts, paragraphs, tables  # noqa: E402
from nlp.engine import MAX_TEXT_CHARS, Engine  # noqa: E402
from nlp.meta import detect_agency, detect_edition, detect_year  # noqa: E402
from nlp.segment import find_sections  # noqa: E402

SEED = ROOT / "data" / "samples" / "000_c322f99bcfb5564c.txt"


def grown(shape: str, length: int) -> str:
    seed = SEED.read_text(encoding="utf-8")
    lines = seed.split("\n")
    if shape == "oneline":
        return (seed.replace("\n", " ") * (length // len(seed) + 1))[:length]
    if shape == "prose":
        at = next(i for i, line in enumerate(lines) if len(line) > 60 and "|" not in line)
    else:
        at = next(i for i, line in enumerate(lines) if line.count("|") > 5 and any(c.isdigit() for c in line))
    repeated = lines[at] + "\n"
    times = max(0, (length - len(seed)) // len(repeated))
    return "\n".join(lines[:at + 1]) + "\n" + repeated * times + "\n".join(lines[at + 1:])


def stage_times(engine: Engine, text: str) -> dict:
    spent = {}

    def timed(name, fn, *args):
        started = time.process_time()
        result = fn(*args)
        spent[name] = time.process_time() - started
        return result

    sections = timed("segment", find_sections, text)
    edition = timed("meta", lambda: (detect_agency(text), detect_edition(text, detect_year(text)))[1])
    table = timed("tables", tables.read_tables, text, sections, edition) if edition else tables.TableResult((), ())
    timed("facts", facts.extract_facts, text, sections, table.cells)
    timed("paragraphs", paragraphs.annotate_paragraphs, text, sections, engine.classifier)
    timed("checks", checks.run_checks, edition, table, (), text, sections)
    return spent


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lengths", type=int, nargs="+", default=[100_000, 250_000, 500_000, MAX_TEXT_CHARS])
    parser.add_argument("--shapes", nargs="+", default=["prose", "table", "oneline"])
    args = parser.parse_args(argv)
    engine = Engine()
    engine.annotate_text(SEED.read_text(encoding="utf-8"))  # load what the stages load lazily
    for shape in args.shapes:
        for length in args.lengths:
            text = grown(shape, length)
            spent = stage_times(engine, text)
            stages = "  ".join(f"{name} {seconds:6.2f}" for name, seconds in spent.items())
            print(f"{shape:>8} {len(text):>9,} chars: {stages}  total {sum(spent.values()):6.2f} s CPU", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
