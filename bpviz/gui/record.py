"""Recording animations: the step-through (one frame per step) or a stretch of training (a frame
every N mini-batches) to a GIF or MP4, with a progress bar and Cancel.

Frames are captured on the GUI thread (drawing a widget must happen there) and handed to a
:class:`~bpviz.scene.animation.FrameWriter`, which converts and encodes them on its own thread.
Training runs in the session's worker as always: the run is told to pause after every N
mini-batches, a frame is taken, and it is told to go on.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog, QInputDialog, QProgressDialog, QWidget

from bpviz.gui.export import render_image
from bpviz.gui.session import IDLE, PAUSED
from bpviz.i18n import translate
from bpviz.scene.animation import FrameWriter, RecordingError, mp4_available

STEP_FRAME_MS = 1800     # how long each step stays in the animation (time to read its caption)
TRAIN_FRAME_MS = 250
SETTLE_MS = 420          # after a step changes, the network view's band flash (350 ms) has ended


def image_to_array(img: QImage, size: tuple[int, int] | None = None) -> np.ndarray:
    """(H, W, 3) uint8 copy of ``img`` (scaled to ``size`` = (w, h) when given and different)."""
    if size is not None and (img.width(), img.height()) != size:
        img = img.scaled(size[0], size[1], Qt.AspectRatioMode.IgnoreAspectRatio,
                         Qt.TransformationMode.SmoothTransformation)
    img = img.convertToFormat(QImage.Format.Format_RGB888)
    a = np.frombuffer(img.constBits(), np.uint8, img.sizeInBytes()).reshape(img.height(), img.bytesPerLine())
    return a[:, : 3 * img.width()].reshape(img.height(), img.width(), 3).copy()


class Recorder(QObject):
    """Records into ``path`` from ``widget`` (default: the whole window) at ``scale``.

    Signals: ``progress(done, total)`` frames captured of those planned; ``finished(path)`` the
    file is written; ``failed(message)`` nothing was written (cancelled or an error).
    """

    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, window, path: str, widget: QWidget | None = None, scale: float = 1.0,
                 fps_for_mp4: float = 4.0) -> None:
        super().__init__(window)
        self.window, self.session = window, window.session
        self.widget = widget or window
        self.scale = scale
        self.writer = FrameWriter(path, fps_for_mp4)   # RecordingError for a bad target
        self.total = 0
        self.captured = 0
        self.active = False
        self._mode = ""
        self._index = 0
        self._every = 1
        self._size: tuple[int, int] | None = None

    # -- the step-through ---------------------------------------------------------------------------
    def record_steps(self) -> None:
        """One frame per step of the current step-through (built if there is none), then back
        to the step shown before."""
        s = self.session
        if s.steps is None:
            s.build_steps()
        self._back_to = s.step_index
        self.total = len(s.steps)
        self._mode, self._index, self.active = "steps", 0, True
        self._next_step()

    def _next_step(self) -> None:
        if not self.active:
            return
        if self._index >= self.total:
            self.session.set_step(self._back_to)
            self._finish()
            return
        self.session.set_step(self._index)
        QTimer.singleShot(SETTLE_MS, self._capture_step)

    def _capture_step(self) -> None:
        if not self.active:
            return
        self._capture(STEP_FRAME_MS)
        self._index += 1
        self._next_step()

    # -- training ------------------------------------------------------------------------------------
    def record_training(self, every: int) -> None:
        """A frame now, then one every ``every`` mini-batches until the configured epochs are done."""
        s = self.session
        if s.state != IDLE:
            raise RecordingError(translate("Record", "stop training first: a recording starts a run of its own"))
        per_epoch = -(-len(s.data.train) // s.config.batch_size)
        self._every = max(1, int(every))
        self.total = math.ceil(s.config.epochs * per_epoch / self._every) + 1
        self._mode, self.active = "train", True
        self._refresh_views()
        self._capture(TRAIN_FRAME_MS)
        s.state_changed.connect(self._on_state)
        s.start(steps=self._every)

    def _on_state(self, state) -> None:
        if not self.active:
            return
        if state == PAUSED:
            QTimer.singleShot(0, self._capture_training)
        elif state == IDLE:
            self.session.state_changed.disconnect(self._on_state)
            self._refresh_views()
            self._capture(TRAIN_FRAME_MS * 4)   # the end stays a moment
            self._finish()

    def _capture_training(self) -> None:
        s = self.session
        if not self.active or s.state != PAUSED:
            return
        self._refresh_views()
        self._capture(TRAIN_FRAME_MS)
        if s.worker is not None:
            s.worker.step(self._every)

    def _refresh_views(self) -> None:
        for view in (self.window.network_view, self.window.cost_plot):
            view.refresh(force=True)

    # -- common ----------------------------------------------------------------------------------------
    def _capture(self, duration_ms: int) -> None:
        frame = image_to_array(render_image(self.widget, self.scale), self._size)
        self._size = (frame.shape[1], frame.shape[0])
        try:
            self.writer.add(frame, duration_ms)
        except (RecordingError, ValueError) as e:
            self._fail(str(e))
            return
        self.captured += 1
        self.progress.emit(self.captured, max(self.total, self.captured))

    def _finish(self) -> None:
        self.active = False
        try:
            path = self.writer.finish()
        except (RecordingError, OSError) as e:
            self.failed.emit(str(e))
            return
        self.finished.emit(path)

    def _fail(self, message: str) -> None:
        self._stop_run()
        self.active = False
        self.writer.cancel()
        self.failed.emit(message)

    def _stop_run(self) -> None:
        if self._mode == "train":
            try:
                self.session.state_changed.disconnect(self._on_state)
            except (RuntimeError, TypeError):
                pass
            self.session.stop()

    def cancel(self) -> None:
        if self.active:
            self._fail(translate("Record", "The recording was cancelled; no file was written."))


# -- in the window --------------------------------------------------------------------------------------
def _filters() -> str:
    gif = translate("Record", "Animated GIF (*.gif)")
    return f"{gif};;MP4 (*.mp4)" if mp4_available() else gif


def _ask_path(window, name: str) -> str | None:
    from bpviz.gui.settings import settings

    path, chosen = QFileDialog.getSaveFileName(window, translate("Record", "Record to"),
                                               str(Path(window.user_folder()) / name), _filters())
    if not path:
        return None
    if not Path(path).suffix:
        path += ".mp4" if "mp4" in chosen.lower() else ".gif"
    settings().setValue("files/last_dir", str(Path(path).parent))
    return path


def start_recording(window, path: str, what: str, every: int = 100) -> Recorder | None:
    """Start recording ``what`` ("steps" or "train") with a progress dialog; None if it cannot start."""
    s = window.session
    try:
        rec = Recorder(window, path)
    except RecordingError as e:
        s.report("error", translate("Record", "Cannot record: {reason}").format(reason=e))
        return None
    dialog = QProgressDialog(translate("Record", "Recording the step-through…") if what == "steps"
                             else translate("Record", "Recording training…"),
                             translate("Record", "Cancel"), 0, 1, window)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(0)
    dialog.canceled.connect(rec.cancel)
    rec.progress.connect(lambda done, total: (dialog.setMaximum(total), dialog.setValue(min(done, total - 1))))
    rec.finished.connect(lambda p: (dialog.reset(), s.report("info", translate("Record", "Saved the recording {name} "
                                                                                "({n} frames).").format(
        name=Path(p).name, n=rec.writer.frames_written))))
    rec.failed.connect(lambda msg: (dialog.reset(), s.report("warning", msg)))
    window.recorder = rec
    dialog.show()
    try:
        if what == "steps":
            rec.record_steps()
        else:
            rec.record_training(every)
    except (RecordingError, RuntimeError) as e:
        rec.writer.cancel()
        dialog.reset()
        s.report("error", translate("Record", "Cannot record: {reason}").format(reason=e))
        return None
    return rec


def fill_menu(window, menu) -> None:
    """Entries of File → Export for recordings."""
    s = window.session

    def steps() -> None:
        if not s.can_step:
            s.report("warning", translate("Record", "Pause or stop training first: the step-through needs weights "
                                                    "that stand still."))
            return
        path = _ask_path(window, "bpviz-steps.gif")
        if path:
            start_recording(window, path, "steps")

    def training() -> None:
        every, ok = QInputDialog.getInt(window, translate("Record", "Record training"),
                                        translate("Record", "A frame every how many mini-batches?"), 100, 1, 1_000_000)
        if not ok:
            return
        path = _ask_path(window, "bpviz-training.gif")
        if path:
            start_recording(window, path, "train", every)

    menu.addAction(translate("Record", "Record the step-through (GIF/MP4)…"), steps)
    a = menu.addAction(translate("Record", "Record training (GIF/MP4)…"), training)
    a.setEnabled(s.state == IDLE)
