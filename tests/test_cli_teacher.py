"""The teacher's CLI: bpviz open, bpviz screenshot --scale/--theme/--palette/--projector, bpviz record."""

from __future__ import annotations

from bpviz.cli import build_parser, main


def test_open_names_a_missing_file(capsys, tmp_path):
    rc = main(["open", str(tmp_path / "absent.bpviz")])
    assert rc == 2 and "absent.bpviz: no such file" in capsys.readouterr().err


def test_open_takes_one_file():
    args = build_parser().parse_args(["open", "lesson-start.bpviz"])
    assert args.command == "open" and args.file == "lesson-start.bpviz"


def test_screenshot_at_2x_has_twice_the_window_pixels(tmp_path, capsys):
    from PIL import Image

    out = tmp_path / "shot.png"
    assert main(["screenshot", str(out), "--scale", "2"]) == 0
    with Image.open(out) as im:
        assert im.size == (2800, 1800)
    assert "2800×1800" in capsys.readouterr().out


def test_screenshot_scale_out_of_range_is_refused(tmp_path, capsys):
    assert main(["screenshot", str(tmp_path / "s.png"), "--scale", "5"]) == 2
    assert "--scale must lie in 1…4" in capsys.readouterr().err


def test_record_step_writes_one_frame_per_step(tmp_path, capsys):
    from PIL import Image

    out = tmp_path / "steps.gif"
    assert main(["record", "step", "--out", str(out), "--sample", "3", "--view", "network"]) == 0
    with Image.open(out) as im:
        assert im.n_frames == 9   # [784,30,10]: input, 2 forward, BP1, BP2, 2 gradients, update, result
    assert "9 frames" in capsys.readouterr().out


def test_record_refuses_a_format_it_cannot_write(tmp_path, capsys):
    assert main(["record", "step", "--out", str(tmp_path / "a.avi")]) == 2
    assert ".gif or an .mp4" in capsys.readouterr().err
