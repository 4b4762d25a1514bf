"""The teacher's CLI: bpviz open, bpviz screenshot --scale/--theme/--palette/--projector, bpviz record."""

from __future__ import annotations

from bpviz.cli import build_parser, main


def test_open_names_a_missing_file(capsys, tmp_path):
    rc = main(["open", str(tmp_path / "absent.bpviz")])
    assert rc == 2 and "absent.bpviz: no such file" in capsys.readouterr().err


def test_open_takes_one_file():
    args = build_parser().parse_args(["open", "lesson-start.bpviz"])
    assert args.command == "open" and args.file == "lesson-start.bpviz"
