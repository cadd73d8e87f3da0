"""The ``nianbao`` command line: a thin layer over the engine.

Each subcommand is a module ``nlp/commands/<name>.py`` (``evaluate_classifier`` is the
subcommand ``evaluate-classifier``) with ``HELP``, ``add_arguments(parser)`` and
``run(args) -> exit status``; this module finds them, dispatches, and turns nianbao's
errors into one line and a status.
"""
from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys

from . import commands
from .errors import NianbaoError



def command_modules() -> dict:
    """subcommand name -> module name under nlp.commands, in alphabetical order."""
    names = sorted(m.name for m in pkgutil.iter_modules(commands.__path__) if not m.name.startswith("_"))
    return {name.replace("_", "-"): name for name in names}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="nianbao", description="Annotate government information disclosure annual reports (政府信息公开工作年度报告).")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, module_name in command_modules().items():
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
    except OSError as exc:  # a file the command was told to read or write
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"nianbao: {where}{exc.strerror or exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("nianbao: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
