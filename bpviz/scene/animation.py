"""Encoding recorded frames into an animated GIF (Pillow) or an MP4 (imageio-ffmpeg), off the
GUI thread (Qt-free).

Libraries: **Pillow** writes GIFs itself (no external program), is the most used imaging
library for Python and ships wheels for every platform; it is a dependency. **imageio-ffmpeg**
ships a static ffmpeg binary inside its wheel and streams raw frames into it, so an MP4 needs
no system ffmpeg; it is optional (``pip install 'bpviz[video]'``): without it MP4 is refused
with that advice.

A :class:`FrameWriter` takes frames as they are captured (``add``), converts and writes them on
its own thread, and writes to a temporary file that is renamed into place by ``finish`` — a
cancelled or failed recording leaves no file and an existing file untouched.
"""

from __future__ import annotations

import os
import queue
import tempfile
import threading
from pathlib import Path

import numpy as np

from bpviz.fileutil import DEFAULT_MODE
from bpviz.i18n import translate

FORMATS = (".gif", ".mp4")
MAX_FRAMES = 2000          # a recording longer than this is a mistake (memory: GIF frames are kept until saved)
_DONE = object()


class RecordingError(RuntimeError):
    """A recording could not be written; the message says why."""


def mp4_available() -> bool:
    try:
        import imageio_ffmpeg  # noqa: F401
    except ImportError:
        return False
    return True


def check_target(path: str | os.PathLike) -> str:
    """The format of ``path`` (".gif" or ".mp4"); RecordingError when it cannot be written."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in FORMATS:
        raise RecordingError(translate("Animation", "{name}: a recording is a .gif or an .mp4 file").format(name=p.name))
    if suffix == ".mp4" and not mp4_available():
        raise RecordingError(translate("Animation", "MP4 needs the optional encoder imageio-ffmpeg: pip install "
                                                    "'bpviz[video]' (or record a .gif)"))
    if not p.parent.is_dir():
        raise RecordingError(translate("Animation", "cannot write {path}: the folder {folder} does not exist").format(
            path=p, folder=p.parent))
    return suffix


class FrameWriter:
    """Frames (H, W, 3) uint8 in, a GIF or MP4 out; the encoding runs on a thread of its own.

    ``add(frame, duration_ms)`` queues a frame (all frames must have one size);
    ``finish()`` waits for the thread and moves the file into place (returns its path);
    ``cancel()`` stops it and removes the temporary file. ``frames_written`` counts encoded frames.
    """

    def __init__(self, path: str | os.PathLike, fps_for_mp4: float = 2.0) -> None:
        self.path = Path(path)
        self.suffix = check_target(self.path)
        self.fps = float(fps_for_mp4)
        fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".part" + self.suffix, dir=self.path.parent)
        os.close(fd)
        os.chmod(tmp, self.path.stat().st_mode & 0o777 if self.path.exists() else DEFAULT_MODE)
        self._tmp = Path(tmp)
        self._queue: queue.Queue = queue.Queue(maxsize=16)
        self._cancel = threading.Event()
        self.error: BaseException | None = None
        self.frames_written = 0
        self.size: tuple[int, int] | None = None
        self._thread = threading.Thread(target=self._work, name="bpviz-encoder", daemon=True)
        self._thread.start()

    # -- from the capturing thread ---------------------------------------------------------------
    def add(self, frame: np.ndarray, duration_ms: int) -> None:
        if self.error is not None:
            raise RecordingError(str(self.error))
        frame = np.ascontiguousarray(frame, dtype=np.uint8)
        if frame.ndim != 3 or frame.shape[2] != 3:
            raise ValueError(f"a frame is (H, W, 3) uint8, got {frame.shape}")
        size = (frame.shape[1], frame.shape[0])
        if self.size is None:
            self.size = size
        elif size != self.size:
            raise ValueError(f"frame of {size[0]}×{size[1]} pixels in a {self.size[0]}×{self.size[1]} recording")
        self._queue.put((frame, int(duration_ms)))

    def finish(self) -> Path:
        self._queue.put(_DONE)
        self._thread.join()
        if self.error is not None or self._cancel.is_set():
            self._remove()
            raise RecordingError(str(self.error) if self.error else "cancelled")
        if self.frames_written == 0:
            self._remove()
            raise RecordingError(translate("Animation", "nothing was recorded"))
        os.replace(self._tmp, self.path)
        return self.path

    def cancel(self) -> None:
        self._cancel.set()
        try:
            while True:
                self._queue.get_nowait()
        except queue.Empty:
            pass
        self._queue.put(_DONE)
        self._thread.join()
        self._remove()

    def _remove(self) -> None:
        try:
            self._tmp.unlink()
        except FileNotFoundError:
            pass

    # -- the encoding thread -----------------------------------------------------------------------
    def _work(self) -> None:
        try:
            if self.suffix == ".gif":
                self._gif()
            else:
                self._mp4()
        except BaseException as e:  # reported by finish(); the capture side never hangs on a full queue
            self.error = e
            self._cancel.set()
            try:
                while self._queue.get_nowait() is not _DONE:
                    pass
            except queue.Empty:
                pass

    def _frames(self):
        while True:
            item = self._queue.get()
            if item is _DONE or self._cancel.is_set():
                return
            yield item

    def _gif(self) -> None:
        from PIL import Image

        images, durations = [], []
        for frame, ms in self._frames():
            if len(images) >= MAX_FRAMES:
                raise RecordingError(translate("Animation", "more than {n} frames: record a shorter stretch").format(
                    n=MAX_FRAMES))
            # An adaptive palette per frame keeps the diverging colours; no dithering keeps lines clean.
            images.append(Image.fromarray(frame, "RGB").quantize(colors=255, method=Image.Quantize.MEDIANCUT,
                                                                 dither=Image.Dither.NONE))
            durations.append(ms)
            self.frames_written += 1
        if self._cancel.is_set() or not images:
            return
        images[0].save(self._tmp, format="GIF", save_all=True, append_images=images[1:], duration=durations,
                       loop=0, optimize=False, disposal=1)

    def _mp4(self) -> None:
        import imageio_ffmpeg

        writer = None
        try:
            for frame, ms in self._frames():
                if writer is None:
                    h, w = frame.shape[:2]
                    # yuv420p needs even sides: pad by one pixel where needed
                    self._pad = ((0, h % 2), (0, w % 2), (0, 0))
                    writer = imageio_ffmpeg.write_frames(str(self._tmp), (w + w % 2, h + h % 2), fps=self.fps,
                                                         codec="libx264", pix_fmt_out="yuv420p", quality=8,
                                                         macro_block_size=1, output_params=["-y"])
                    writer.send(None)
                frame = np.pad(frame, self._pad, mode="edge")
                # a frame lasting k periods of 1/fps is written k times (MP4 frames have one length)
                for _ in range(max(1, round(ms * self.fps / 1000))):
                    writer.send(frame.tobytes())
                self.frames_written += 1
        finally:
            if writer is not None:
                writer.close()
