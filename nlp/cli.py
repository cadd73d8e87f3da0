"""The ``nianbao`` command line: a thin layer over the engine.

Each subcommand lives in ``nlp/commands/<name>.py`` with ``HELP``, ``add_arguments``
and ``run(args) -> exit status``; this module only dispatches and turns nianbao's
errors into one line and a status.
"""
from __future__ import annotations

import argparse
import importlib
import sys

from .errors import NianbaoError

#: subcommand -> module under nlp.commands
COMMANDS = {
    "annotate": "annotate",
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="nianbao", description="Annotate government information disclosure annual reports (政府信息公开工作年度报告).")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, module_name in COMMANDS.items():
        module = importlib.import_module(f"nlp.commands.{module_name}")
        p = sub.add_parser(name, help=module.HELP, description=module.HELP)
        module.add_arguments(p)
        p.set_defaults(_run=module.run)
    return parser


def main(argv=None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args._run(args)
    except NianbaoError as exc:
        print(f"nianbao: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("nianbao: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
