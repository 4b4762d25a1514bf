"""``bpviz explain …``: the experiments behind the app's "why" views, on the command line.

Each topic module defines ``add_parsers(sub)`` (adds its sub-commands to the ``explain``
sub-parser group, each with ``set_defaults(explain_run=FUNCTION)``) and the functions that run
them (``FUNCTION(args) -> int``). Modules here may import core, data and scene, never gui.
"""

from __future__ import annotations

import argparse

from bpviz.explain import learning, mistakes, why

# One module per topic (issues 11, 12, 13). Listed, not discovered, so the order of --help is fixed.
TOPICS: tuple[str, ...] = ("why", "learning", "mistakes")
MODULES = {"why": why, "learning": learning, "mistakes": mistakes}


def add_parser(sub: argparse._SubParsersAction, parser_class: type) -> None:
    e = sub.add_parser("explain", help="the experiments behind the app's views, printed as text")
    esub = e.add_subparsers(dest="explain_command", parser_class=parser_class, required=True)
    for name in TOPICS:
        MODULES[name].add_parsers(esub)


def run(args: argparse.Namespace) -> int:
    return args.explain_run(args)
