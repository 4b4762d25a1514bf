"""The Step panel: walk through feedforward, BP1, BP2, BP3/BP4 and the update with the real
numbers of the selected neuron plugged into the book's equations."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QSlider,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from bpviz.gui.session import IDLE, Session
from bpviz.gui.theme import theme
from bpviz.gui.widgets import CompactPlot, scrolling_layout, signals_blocked
from bpviz.scene.anatomy import explained
from bpviz.scene.layout import square_side
from bpviz.scene.steps import EQUATIONS_OF, RESULT, UPDATE, general_equations

HIGHLIGHT = f"background-color:{theme().highlight_background}; color:{theme().highlight_pale};"


class StepPanel(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session

        # what to step through
        self.single = QRadioButton(self.tr("One sample"))
        self.batch = QRadioButton(self.tr("Mini-batch"))
        self.single.setChecked(True)
        self.single.setToolTip(self.tr("Backpropagate the test image shown in the Sample panel (or a drawn digit)"))
        self.batch.setToolTip(self.tr("Backpropagate each sample of a random mini-batch of m training images, add "
                                      "up the gradients, then make one update — the seed's {fn}").format(
            fn="update_mini_batch"))
        group = QButtonGroup(self)
        group.addButton(self.single)
        group.addButton(self.batch)
        self.single.toggled.connect(lambda _: self.rebuild())
        self.new_button = QPushButton(self.tr("New"))
        self.new_button.setToolTip(self.tr("Start again on the current weights (a new random mini-batch in batch mode)"))
        self.new_button.clicked.connect(lambda: self.rebuild())
        src = QHBoxLayout()
        src.addWidget(self.single)
        src.addWidget(self.batch)
        src.addStretch(1)
        src.addWidget(self.new_button)

        # transport
        style = self.style()
        self._icons = {name: style.standardIcon(getattr(QStyle.StandardPixmap, name)) for name in (
            "SP_MediaSkipBackward", "SP_MediaSeekBackward", "SP_MediaSeekForward", "SP_MediaPlay", "SP_MediaPause")}
        self.first_button = QPushButton(self._icons["SP_MediaSkipBackward"], "")
        self.prev_button = QPushButton(self._icons["SP_MediaSeekBackward"], "")
        self.next_button = QPushButton(self._icons["SP_MediaSeekForward"], "")
        self.play_button = QPushButton(self._icons["SP_MediaPlay"], "")
        for b, tip in ((self.first_button, self.tr("First step (Home)")), (self.prev_button, self.tr("Previous step (←)")),
                       (self.next_button, self.tr("Next step (→)")), (self.play_button, self.tr("Play / pause (Space)"))):
            b.setToolTip(tip)
            b.setFixedWidth(44)
        self.first_button.clicked.connect(self.first)
        self.prev_button.clicked.connect(self.previous)
        self.next_button.clicked.connect(self.next)
        self.play_button.clicked.connect(self.toggle_play)
        self.speed = QSlider(Qt.Orientation.Horizontal, minimum=1, maximum=20, value=4)
        self.speed.setToolTip(self.tr("Playing speed: steps per second ÷ 2"))
        self.speed.valueChanged.connect(self._on_speed)
        transport = QHBoxLayout()
        for b in (self.first_button, self.prev_button, self.next_button, self.play_button):
            transport.addWidget(b)
        transport.addWidget(self.speed, 1)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self._tick)
        self._on_speed(self.speed.value())
        self._paused_tip = self.tr("(Pause or stop training to step through.)")
        self._base_tips: dict[QWidget, str] = {}

        self.blocked = QLabel(self.tr("Training is running: pause or stop it to step through backpropagation."))
        self.blocked.setWordWrap(True)
        self.blocked.setStyleSheet(f"color:{theme().warn};")
        self.source = QLabel()
        self.source.setStyleSheet(f"color:{theme().muted};")
        self.title = QLabel()
        self.title.setStyleSheet("font-weight:bold; font-size:11pt;")
        self.title.setWordWrap(True)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption.setStyleSheet(f"color:{theme().title};")

        eq_box = QGroupBox(self.tr("Equations"))
        self.equations = QLabel()
        self.equations.setTextFormat(Qt.TextFormat.RichText)
        self.equations.setStyleSheet("font-size:10.5pt;")
        # The equations and the numbers must stay whole; the bar plot gives way on small screens.
        self.equations.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.equations.setWordWrap(True)
        self.numbers = QLabel()
        self.numbers.setTextFormat(Qt.TextFormat.RichText)
        self.numbers.setWordWrap(True)
        self.numbers.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.numbers.setStyleSheet(f"background:{theme().field}; border:1px solid {theme().border}; border-radius:4px; padding:6px;"
                                   "font-size:10.5pt;")
        self.numbers.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        for label in (self.numbers,):
            label.setMinimumHeight(label.sizeHint().height())
        self.neuron_hint = QLabel()
        self.neuron_hint.setStyleSheet(f"color:{theme().muted};")
        self.neuron_hint.setWordWrap(True)
        ev = QVBoxLayout(eq_box)
        ev.addWidget(self.equations)
        ev.addWidget(self.numbers)
        ev.addWidget(self.neuron_hint)

        self.plot = CompactPlot(background=theme().plot_background)
        self.plot.setMinimumHeight(90)
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(False, False)
        self.plot.getAxis("left").enableAutoSIPrefix(False)
        self.bars = pg.BarGraphItem(x=[0], height=[0], width=0.8)
        self.plot.addItem(self.bars)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.plot_title = QLabel()
        self.plot_title.setStyleSheet(f"color:{theme().muted};")

        self.keep_button = QPushButton(self.tr("Keep this update"))
        self.keep_button.setToolTip(self.tr("Give the network these new weights (the step-through itself never changes them)"))
        self.keep_button.clicked.connect(self.keep)

        layout = scrolling_layout(self)
        layout.addLayout(src)
        layout.addLayout(transport)
        layout.addWidget(self.blocked)
        layout.addWidget(self.source)
        layout.addWidget(self.title)
        layout.addWidget(self.caption)
        layout.addWidget(eq_box)
        layout.addWidget(self.plot_title)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.keep_button)

        session.step_changed.connect(self.refresh)
        session.state_changed.connect(self._on_state)
        session.selection_changed.connect(lambda _: self.refresh())
        session.edge_selection_changed.connect(lambda _: self.refresh())
        session.world_changed.connect(self._on_network)
        session.sample_changed.connect(self._on_sample)
        self._on_state(session.state)
        self.refresh()

    # -- building and moving -----------------------------------------------------------------
    def rebuild(self, **kw) -> bool:
        """A new sequence on the current weights; False (with the reason shown) if refused."""
        self.stop_play()
        try:
            self.session.build_steps(batch=self.batch.isChecked(), **kw)
        except RuntimeError as e:
            self.session.report("warning", str(e))
            self.refresh()   # the mode radio goes back to the mode of the sequence shown
            return False
        return True

    def ensure_sequence(self) -> None:
        if self.session.steps is None and self.session.can_step:
            self.rebuild()

    def first(self) -> None:
        self.session.set_step(0)

    def previous(self) -> None:
        self.session.set_step(self.session.step_index - 1)

    def next(self) -> bool:
        s = self.session
        if s.steps is None or s.step_index >= len(s.steps) - 1:
            return False
        s.set_step(s.step_index + 1)
        return True

    def toggle_play(self) -> None:
        if self.timer.isActive():
            self.stop_play()
        elif self.session.can_step:
            self.ensure_sequence()
            if self.session.steps is not None and self.session.step_index >= len(self.session.steps) - 1:
                self.first()
            self.timer.start()
            self.play_button.setIcon(self._icons["SP_MediaPause"])

    def stop_play(self) -> None:
        self.timer.stop()
        self.play_button.setIcon(self._icons["SP_MediaPlay"])

    def _tick(self) -> None:
        if not self.next():
            self.stop_play()

    def _on_speed(self, v: int) -> None:
        self.timer.setInterval(int(2000 / v))

    def keep(self) -> None:
        try:
            self.session.keep_update()
        except RuntimeError as e:
            self.session.report("warning", str(e))
            return
        self.rebuild()

    # -- reacting to the session -------------------------------------------------------------
    def _on_state(self, state: str) -> None:
        ok = self.session.can_step
        self.blocked.setVisible(not ok)
        for b in (self.first_button, self.prev_button, self.next_button, self.play_button, self.new_button,
                  self.single, self.batch):
            b.setEnabled(ok)
            tip = self._base_tips.setdefault(b, b.toolTip())   # its own tip, never read back from the shown one
            b.setToolTip(tip if ok else tip + "\n" + self._paused_tip)
        if not ok:
            self.stop_play()
        self._update_keep()

    def _on_network(self) -> None:
        self.stop_play()
        self.refresh()

    def _on_sample(self, _i: int) -> None:
        s = self.session
        if self.isVisible() and not self.batch.isChecked() and s.can_step:
            s.use_test_sample()
            self.rebuild()

    def _update_keep(self) -> None:
        """Enabled at the update and its result while no run exists; when disabled, the tooltip says why
        (after B the run is paused, not stopped: the weights are not the hand's to change)."""
        step = self.session.current_step
        at_update = step is not None and step.kind in (UPDATE, RESULT)
        idle = self.session.state == IDLE
        self.keep_button.setEnabled(at_update and idle)
        tip = self.tr("Give the network these new weights (the step-through itself never changes them)")
        if not idle:
            tip += "\n" + self.tr("Not now: a training run is paused (after B or Pause). Stop it (S) first; then the "
                                   "weights can be changed by hand.")
        elif not at_update:
            tip += "\n" + self.tr("Go to the update step first (End).")
        self.keep_button.setToolTip(tip)

    def selected(self) -> tuple[int, int | None, bool]:
        """(j, k, chosen by the user) for the equation: the user's selection when it is in the active
        layer; in a mini-batch a pinned neuron and weight that stay the same for every sample."""
        s = self.session
        return explained(s.steps, s.current_step, s.selection, s.edge_selection)

    def refresh(self) -> None:
        s = self.session
        seq, step = s.steps, s.current_step
        with signals_blocked(self.single, self.batch):   # the radio shows the mode of the sequence shown
            (self.batch if s.step_batch_mode else self.single).setChecked(True)
        self._update_keep()
        if seq is None:
            self.source.setText("")
            self.title.setText(self.tr("Step through backpropagation"))
            self.caption.setText(self.tr("Press → (next step) to walk through one sample: feedforward layer by layer, "
                                         "then the error δ backwards (BP1, BP2), the gradients (BP3, BP4) and the "
                                         "update."))
            self.equations.setText(self._equations_html(None))
            self.numbers.setText("")
            self.neuron_hint.setText("")
            self._clear_plot()
            return
        names = seq.class_names
        image = square_side(s.network.sizes[0]) is not None
        eta, label = f"{seq.eta:g}", names[int(seq.labels[0])]
        if seq.m > 1:
            src = (self.tr("A mini-batch of {m} training images (η = {eta})") if image else
                   self.tr("A mini-batch of {m} training samples (η = {eta})")).format(m=seq.m, eta=eta)
        elif s.custom_input is not None and s.network.sizes[0] == s.custom_input[0].shape[0]:
            src = self.tr("Your drawn digit, target “{label}” (η = {eta})").format(label=label, eta=eta)
        else:
            src = (self.tr("Test image #{i}, label “{label}” (η = {eta})") if image else
                   self.tr("Test sample #{i}, label “{label}” (η = {eta})")).format(i=s.sample_index, label=label,
                                                                                 eta=eta)
        self.source.setText(src)
        self.title.setText(self.tr("Step {i} / {n} · {title}").format(i=step.index + 1, n=len(seq), title=step.title))
        self.caption.setText(step.caption)
        self.equations.setText(self._equations_html(step))
        jj, k, user = self.selected()
        self.numbers.setText(seq.equation(step, jj, k))
        pinned = (self.tr(" It stays pinned for every sample of the mini-batch.")
                  if seq.m > 1 and step.layer >= 2 else "")
        self.neuron_hint.setText(
            self.tr("Showing the neuron you selected (ringed in the network).") + pinned if user else
            self.tr("Showing neuron {j} of layer {l} (ringed in the network); click another neuron (or an edge "
                    "into it) in the network.").format(j=jj, l=step.layer) + pinned)
        name, l, v = seq.vector(step)
        self._plot_vector(name, l, np.asarray(v, dtype=float), jj)

    def _equations_html(self, step) -> str:
        keys = EQUATIONS_OF.get(step.kind, ()) if step is not None else ()
        rows = []
        seq, net = self.session.steps, self.session.network
        for key, text in general_equations(net.cost.name, seq.lmbda if seq is not None else 0.0,
                                           activation=net.activation.name, output=net.output):
            style = HIGHLIGHT if key in keys else f"color:{theme().muted};"
            rows.append(f"<tr><td style='{style} padding:2px 6px;'>{text}</td></tr>")
        return "<table width='100%' cellspacing='0'>" + "".join(rows) + "</table>"

    def _clear_plot(self) -> None:
        """No step-through: no chart (one of another network's vectors would be stale)."""
        self.plot_title.setText("")
        self.plot.removeItem(self.image)
        self.plot.removeItem(self.bars)

    def _plot_vector(self, name: str, l: int, v: np.ndarray, j: int) -> None:
        side = square_side(v.size)
        shown = self.tr("a (after)") if name == "a (after)" else name
        self.plot_title.setText(self.tr("{name} of layer {l} ({n} values), neuron {j} marked").format(
            name=shown, l=l, n=v.size, j=j))
        if side is not None and v.size > 100:
            self.plot.removeItem(self.bars)
            if self.image not in self.plot.items():
                self.plot.addItem(self.image)
            self.plot.getViewBox().invertY(True)
            self.plot.setAspectLocked(True)
            self.plot.hideAxis("left")
            self.plot.hideAxis("bottom")
            self.image.setImage(v.reshape(side, side), levels=(0, 1))
            self.plot.autoRange(padding=0.02)
            return
        self.plot.removeItem(self.image)
        self.plot.getViewBox().invertY(False)
        self.plot.setAspectLocked(False)
        self.plot.showAxis("left")
        self.plot.showAxis("bottom")
        if self.bars not in self.plot.items():
            self.plot.addItem(self.bars)
        brushes = [pg.mkBrush(theme().highlight) if i == j else pg.mkBrush(theme().wrong if x >= 0 else theme().blue)
                   for i, x in enumerate(v)]
        self.bars.setOpts(x=np.arange(v.size), height=v, width=0.8, brushes=brushes, pens=[None] * v.size)
        lo, hi = min(0.0, float(v.min())), max(0.0, float(v.max()))
        pad = 0.05 * (hi - lo or 1.0)
        self.plot.setXRange(-0.6, v.size - 0.4, padding=0)
        self.plot.setYRange(lo - pad, hi + pad, padding=0)
