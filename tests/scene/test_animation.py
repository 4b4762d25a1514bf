"""The frame writer: GIF frames and durations as given, MP4 when the encoder is there, nothing left on cancel."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from bpviz.scene import animation
from bpviz.scene.animation import FrameWriter, RecordingError


def _frames(n, h=30, w=41):
    rng = np.random.default_rng(0)
    return [rng.integers(0, 256, (h, w, 3), dtype=np.uint8) for _ in range(n)]


def test_gif_has_every_frame_with_its_duration(tmp_path):
    w = FrameWriter(tmp_path / "a.gif")
    frames = _frames(5)
    for i, f in enumerate(frames):
        w.add(f, 100 * (i + 1))
    path = w.finish()
    with Image.open(path) as im:
        assert im.n_frames == 5 and im.size == (41, 30)
        durations = []
        for i in range(5):
            im.seek(i)
            durations.append(im.info["duration"])
            if i == 2:   # a frame comes back as it went in (at most the palette's rounding)
                assert np.abs(np.asarray(im.convert("RGB"), dtype=int) - frames[2]).mean() < 40
    assert durations == [100, 200, 300, 400, 500]
    assert not list(tmp_path.glob("*.part*"))


def test_cancel_leaves_no_file_and_an_old_one_untouched(tmp_path):
    old = tmp_path / "b.gif"
    old.write_bytes(b"old")
    w = FrameWriter(old)
    for f in _frames(3):
        w.add(f, 100)
    w.cancel()
    assert old.read_bytes() == b"old" and not list(tmp_path.glob("*.part*"))


def test_frames_of_another_size_and_bad_targets_are_refused(tmp_path):
    w = FrameWriter(tmp_path / "c.gif")
    w.add(_frames(1)[0], 100)
    with pytest.raises(ValueError, match="recording"):
        w.add(_frames(1, h=31)[0], 100)
    w.cancel()
    with pytest.raises(RecordingError, match=".gif or an .mp4"):
        FrameWriter(tmp_path / "d.avi")
    with pytest.raises(RecordingError, match="does not exist"):
        FrameWriter(tmp_path / "nope" / "e.gif")
    with pytest.raises(RecordingError, match="nothing was recorded"):
        FrameWriter(tmp_path / "f.gif").finish()


def test_mp4_without_the_encoder_says_how_to_get_it(tmp_path, monkeypatch):
    monkeypatch.setattr(animation, "mp4_available", lambda: False)
    with pytest.raises(RecordingError, match=r"bpviz\[video\]"):
        FrameWriter(tmp_path / "g.mp4")


def test_mp4_with_the_encoder(tmp_path):
    pytest.importorskip("imageio_ffmpeg")
    w = FrameWriter(tmp_path / "h.mp4", fps_for_mp4=4)
    for f in _frames(3):
        w.add(f, 500)      # two periods of 1/4 s each
    path = w.finish()
    data = path.read_bytes()
    assert data[4:8] == b"ftyp" and len(data) > 1000
    assert w.frames_written == 3
