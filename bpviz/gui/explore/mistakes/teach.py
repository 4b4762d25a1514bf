"""The left tab "Teach": one gradient-descent step on the shown example, with exact undo
(:class:`bpviz.core.mistakes.Teacher`); its "which pixels matter" part is :mod:`.pixels`."""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from bpviz.core.mistakes import Teacher
from bpviz.explain.mistakes import teaching_eta
from bpviz.gui.explore.mistakes.confusion import ConfusionPanel
from bpviz.gui.explore.mistakes.pixels import PixelControls
from bpviz.gui.session import IDLE, Session
from bpviz.gui.theme import diverging_lut, output_bars, theme
from bpviz.gui.views import ViewContext
from bpviz.gui.widgets import number_field, scrolling_layout, signals_blocked
from bpviz.i18n import translate
from bpviz.scene.lens import Lens
from bpviz.scene.mistakes_text import class_text, example_name, sample_text, teach_caption
from bpviz.state import HandKind


# -- 2 and 3. teach it this example; which pixels matter --------------------------------------------
class TeachPanel(PixelControls, QWidget):
    """One gradient-descent step on the shown example, with exact undo; ∂C/∂x and nudges."""

    def __init__(self, session: Session, ctx: ViewContext, confusion_panel: ConfusionPanel,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.places = ctx.places
        self.lenses = ctx.lenses
        self.confusion_panel = confusion_panel
        self.teacher: Teacher | None = None
        self._synced: tuple[int, int] | None = None   # (world id, params_version) after our last change
        self._applying = False
        self.last_step = None
        self.gradient: np.ndarray | None = None
        self.nudged: np.ndarray | None = None
        self.nudge_result = None
        self.own_lens: Lens | None = None
        self._lut = diverging_lut()
        layout = scrolling_layout(self)

        # input and label
        box = QGroupBox(translate("Mistakes", "Teach it this example"))
        g = QGridLayout(box)
        self.source = QComboBox()
        self.source.addItem(translate("Mistakes", "the test image shown"), "test")
        self.source.addItem(translate("Mistakes", "the digit drawn in the Draw tab"), "drawn")
        self.source.setToolTip(translate("Mistakes", "Which input to teach: the test image the window shows (pick one in the Sample "
                               "panel or the gallery) or the digit you drew in the Draw tab"))
        self.source.currentIndexChanged.connect(self._on_input)
        self.source_info = QLabel()
        self.source_info.setWordWrap(True)
        self.label = QComboBox()
        self.label.setToolTip(translate("Mistakes", "The label to teach: the target y is its one-hot vector"))
        self.label.currentIndexChanged.connect(self._on_label)
        self.eta = QLineEdit()
        number_field(self.eta)
        self.eta.setToolTip(translate("Mistakes", "Learning rate η of this one step"))
        self.eta.setMaximumWidth(90)
        self.eta_note = QLabel()
        self.eta_note.setWordWrap(True)
        self.eta_note.setStyleSheet(f"color: {theme().muted};")
        self.eta_error = QLabel()
        self.eta_error.setWordWrap(True)
        self.eta_error.setStyleSheet(f"color: {theme().error_text};")
        self.teach_button = QPushButton(translate("Mistakes", "Teach (one step)"))
        self.teach_button.setToolTip(translate("Mistakes", "One gradient-descent step on this example alone: w → w − η δ (a)ᵀ, "
                                     "b → b − η δ (Ctrl+T). Repeat to watch it learn the example."))
        self.teach_button.clicked.connect(self.teach)
        self.undo_button = QPushButton(translate("Mistakes", "Undo step"))
        self.undo_button.setToolTip(translate("Mistakes", "Put back the weights from before the last teaching step, bit for bit "
                                    "(Ctrl+U; Ctrl+Z is the window's undo of replaced networks)"))
        self.undo_button.clicked.connect(self.undo)
        self.undo_all_button = QPushButton(translate("Mistakes", "Undo all"))
        self.undo_all_button.setToolTip(translate("Mistakes", "Put back the weights from before the first teaching step"))
        self.undo_all_button.clicked.connect(self.undo_all)
        self.refusal = QLabel()
        self.refusal.setWordWrap(True)
        self.refusal.setStyleSheet(f"color: {theme().warn_soft};")
        g.addWidget(QLabel(translate("Mistakes", "Input:")), 0, 0)
        g.addWidget(self.source, 0, 1, 1, 2)
        g.addWidget(self.source_info, 1, 0, 1, 3)
        g.addWidget(QLabel(translate("Mistakes", "Label k:")), 2, 0)
        g.addWidget(self.label, 2, 1, 1, 2)
        g.addWidget(QLabel("η:"), 3, 0)
        g.addWidget(self.eta, 3, 1)
        g.addWidget(self.eta_error, 3, 2)
        g.addWidget(self.eta_note, 4, 0, 1, 3)
        buttons = QHBoxLayout()
        buttons.addWidget(self.teach_button, 2)
        buttons.addWidget(self.undo_button, 1)
        buttons.addWidget(self.undo_all_button, 1)
        g.addLayout(buttons, 5, 0, 1, 3)
        g.addWidget(self.refusal, 6, 0, 1, 3)
        g.setColumnStretch(2, 1)
        layout.addWidget(box)

        res = QGroupBox(translate("Mistakes", "What the step did"))
        rl = QVBoxLayout(res)
        self.caption = QLabel(translate("Mistakes", "No step yet."))
        self.caption.setWordWrap(True)
        self.output_bars = output_bars("aᴸ", translate("Mistakes", "grey: before the step · blue: after"))
        self.bars = self.output_bars.plot
        self.bars.setToolTip(translate("Mistakes", "Output activations of this input before the last step (grey) and after (blue)"))
        self.cost_label = QLabel()
        self.cost_label.setWordWrap(True)
        self.test_label = QLabel()
        self.test_label.setWordWrap(True)
        self.show_changed_button = QPushButton(translate("Mistakes", "Show the changed test images"))
        self.show_changed_button.setToolTip(translate("Mistakes", "Show in the Mistakes gallery exactly the test images whose prediction "
                                            "the last step changed"))
        self.show_changed_button.clicked.connect(self.show_changed)
        self.history_label = QLabel()
        self.history_label.setWordWrap(True)
        self.history_label.setStyleSheet(f"color: {theme().muted};")
        rl.addWidget(self.caption)
        rl.addWidget(self.bars)
        rl.addWidget(self.cost_label)
        rl.addWidget(self.test_label)
        rl.addWidget(self.show_changed_button)
        rl.addWidget(self.history_label)
        layout.addWidget(res)
        self._make_pixels(layout)



        layout.addStretch(1)
        for w in (self.eta_note, self.source_info, self.caption, self.pixels_note):
            w.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

        session.world_changed.connect(self._on_world)
        session.parameters_changed.connect(self._on_parameters)
        session.sample_changed.connect(lambda _i: self._on_input())
        session.drawing_changed.connect(self._on_drawing)
        session.state_changed.connect(lambda _s: self._update_buttons())
        session.config_changed.connect(self._on_config)
        self._on_world()

    # -- what is taught ----------------------------------------------------------------------
    def current_input(self) -> tuple[np.ndarray | None, int | None, str]:
        """(x, true label or None, description) of the example the panel works on."""
        s = self.session
        if self.source.currentData() == "drawn":
            x = s.drawn
            if x is None or x.shape[0] != s.network.sizes[0]:
                return None, None, translate("Mistakes", "nothing drawn yet: draw a digit in the Draw tab")
            return x, None, translate("Mistakes", "the digit drawn in the Draw tab (no true label)")
        x, label = s.sample
        return x, label, sample_text(s.network.sizes[0], s.sample_index, class_text(s.data.class_names, label))

    def default_eta(self) -> float:   # as `bpviz explain teach`: one default for both
        return teaching_eta(self.session.config.eta, self.session.config.batch_size)

    def _on_config(self) -> None:
        c = self.session.config
        self.eta_note.setText(
            translate("Mistakes", "Default η/m = {eta} / {m} = {value}: in training each of the m examples of a mini-batch moves the "
              "weights by η/m; one example alone with the whole η = {eta} would wreck a trained network.").format(
                eta=f"{c.eta:g}", m=c.batch_size, value=f"{self.default_eta():g}"))

    def _on_world(self) -> None:
        s = self.session
        names = s.data.class_names
        for combo in (self.label, self.nudge_target):
            with signals_blocked(combo):
                combo.clear()
                for k in range(s.network.sizes[-1]):
                    combo.addItem(class_text(names, k), k)
        self.eta.setText(f"{self.default_eta():g}")
        self._on_config()
        if self.teacher is not None and self.teacher.history:
            self._forget(self.CHANGED)
        else:
            self._forget(translate("Mistakes", "No step yet."))
            self.history_label.setText("")
        pixels_ok = s.network.sizes[0] == 784
        for w in (self.nudge_button, self.until_button, self.reset_button, self.nudge_target, self.nudge_step):
            w.setEnabled(pixels_ok)
        self._on_input()
        self._update_buttons()   # world_changed is the only signal of a new world

    def _names(self) -> list[str]:
        names = self.session.data.class_names
        return [str(names[j]) if j < len(names) else str(j) for j in range(self.session.network.sizes[-1])]

    def _on_drawing(self) -> None:
        if self.source.currentData() == "drawn":
            self._on_input()

    def _on_input(self) -> None:
        x, label, what = self.current_input()
        self.source_info.setText(translate("Mistakes", "Teaching {what}.").format(what=what))
        if label is not None:
            with signals_blocked(self.label):
                self.label.setCurrentIndex(label)
        if x is not None:
            # Nudge towards the true label when the network gets it wrong, else towards its second choice.
            out = self.session.snapshot_network().feedforward(np.asarray(x))
            pred = int(np.argmax(out))
            target = label if label is not None and label != pred else int(np.argsort(out)[-2])
            with signals_blocked(self.nudge_target):
                self.nudge_target.setCurrentIndex(target)
        self.reset_nudges()

    def _on_label(self) -> None:
        self.refresh_pixels()
        self.publish_lens()

    def _on_parameters(self) -> None:
        if self._applying:
            return
        if self.teacher is not None and not self._in_sync():
            self._forget(self.CHANGED)
        self._update_buttons()
        self.reset_nudges()

    def _in_sync(self) -> bool:
        s = self.session
        return self._synced == (id(s.world), s.params_version)

    def _update_buttons(self) -> None:
        s = self.session
        idle = s.state == IDLE
        self.teach_button.setEnabled(idle)
        can_undo = idle and self.teacher is not None and self.teacher.can_undo and self._in_sync()
        self.undo_button.setEnabled(can_undo)
        self.undo_all_button.setEnabled(can_undo)
        self.refusal.setText("" if idle else translate("Mistakes", "Training is running: stop it (S) before teaching. A teaching "
                                                "step changes the weights the run is training."))

    # -- teaching ----------------------------------------------------------------------------
    def parse_eta(self) -> float | None:
        text = self.eta.text().strip()
        try:
            eta = float(text)
        except ValueError:
            self.eta_error.setText(translate("Mistakes", "“{text}” is not a number").format(text=text))
            return None
        if not np.isfinite(eta) or eta <= 0:
            self.eta_error.setText(translate("Mistakes", "η must be a number > 0: a step of size ≤ 0 does not descend"))
            return None
        self.eta_error.setText("")
        return eta

    def teach(self) -> bool:
        """One step on the current example with the chosen label; False (with the reason) if refused."""
        s = self.session
        if s.state != IDLE:
            self._update_buttons()
            s.report("warning", translate("Mistakes", "Stop training before teaching: a teaching step changes the weights by hand."))
            return False
        eta = self.parse_eta()
        if eta is None:
            return False
        x, _label, what = self.current_input()
        if x is None:
            self.refusal.setText(translate("Mistakes", "Nothing to teach: {what}.").format(what=what))
            return False
        if self.teacher is None or not self._in_sync():
            if self.teacher is not None and self.teacher.can_undo:
                self.history_label.setText(translate("Mistakes", "The network changed since the last teaching step: the teaching "
                                           "history was reset."))
            c = s.config
            self.teacher = Teacher(s.network.copy(), eta=eta, lmbda=c.lmbda, n_train=len(s.data.train),
                                   test=(s.data.test.x, s.data.test.labels))
        k = int(self.label.currentData())
        try:
            step = self.teacher.step(x, k, eta)
        except ValueError as e:
            self.refusal.setText(str(e))
            return False
        self._apply(translate("Mistakes", "one teaching step on {what} with label {label}, η = {eta}").format(what=example_name(
            self.source.currentData() == "drawn", s.sample_index), label=class_text(s.data.class_names, k), eta=f"{eta:g}"), step)
        self.last_step = step
        self._show_step(step)
        self.reset_nudges()    # nudges were computed on the old weights; also redraws ∂C/∂x and the lens
        return True

    def _apply(self, what: str, step=None) -> None:   # step: a teaching step (recorded as such, with its cost)
        net, kind = self.teacher.network, ((HandKind.TEACHING_STEP, step.cost_before) if step is not None else ())
        self._applying = True
        try:
            self.session.set_parameters(list(net.weights), list(net.biases), what, *kind)
        finally:
            self._applying = False
        self._synced = (id(self.session.world), self.session.params_version)
        self._update_buttons()

    def undo(self) -> bool:
        if self.session.state != IDLE or self.teacher is None or not self._in_sync():
            self._update_buttons()
            return False
        step = self.teacher.undo()
        if step is None:
            return False
        self._apply(translate("Mistakes", "undid the teaching step with label {label} (the weights from before it, bit for bit)").format(
            label=step.label))
        self._after_undo(translate("Mistakes", "Undone: the weights are again those from before the step with label {label}.").format(
            label=step.label))
        return True

    def undo_all(self) -> int:
        if self.session.state != IDLE or self.teacher is None or not self._in_sync():
            return 0
        n = self.teacher.undo_all()
        if n:
            self._apply((translate("Mistakes", "undid {n} teaching step") if n == 1 else translate("Mistakes", "undid {n} teaching steps")).format(n=n))
            self._after_undo((translate("Mistakes", "Undone {n} step: the weights are again those from before the first teaching step.")
                              if n == 1 else
                              translate("Mistakes", "Undone {n} steps: the weights are again those from before the first teaching "
                                "step.")).format(n=n))
        return n

    def _after_undo(self, text: str) -> None:
        """Show the step still applied (if any) — never the numbers of a step that was undone."""
        history = self.teacher.history if self.teacher is not None else ()
        self.last_step = history[-1] if history else None
        if self.last_step is not None:
            self._show_step(self.last_step)
            self.caption.setText(translate("Mistakes", "{text} The last step still applied: {caption}").format(
                text=text, caption=self.caption.text()))
        else:
            self._clear_result(text)
            self._show_history()
        self.reset_nudges()

    @property
    def CHANGED(self) -> str:  # noqa: N802 (was a class constant)
        return translate("Mistakes", "The network was changed elsewhere (training, Reset, Open, Undo of the window or another "
                 "panel): the teaching history was reset, so Undo step cannot throw that change away.")

    def _forget(self, text: str) -> None:
        """Drop the teaching history: the network is no longer the one the steps were taken on."""
        had = self.teacher is not None and bool(self.teacher.history)
        self.teacher = None
        self._synced = None
        self._clear_result(text)
        self.history_label.setText(self.tr("Teaching history reset.") if had else "")

    def _clear_result(self, text: str) -> None:
        self.last_step = None
        self.caption.setText(text)
        self.cost_label.setText("")
        self.test_label.setText("")
        self.show_changed_button.hide()
        self.output_bars.show(None, None, self._names())

    def _show_history(self) -> None:
        n = len(self.teacher.history) if self.teacher is not None else 0
        self.history_label.setText(((translate("Mistakes", "{n} step can be undone.") if n == 1 else
                                     translate("Mistakes", "{n} steps can be undone.")).format(n=n)) if n else
                                   translate("Mistakes", "No teaching step to undo."))

    def _show_step(self, step) -> None:
        names = self.session.data.class_names
        self.caption.setText(teach_caption(step, names))
        self.output_bars.show(step.outputs_before, step.outputs_after, self._names())
        text = (translate("Mistakes", "C_x before {before}, after {after}: the cost of this example fell.")
                if step.cost_after < step.cost_before else
                translate("Mistakes", "C_x before {before}, after {after}: the cost of this example rose.")
                if step.cost_after > step.cost_before else
                translate("Mistakes", "C_x before {before}, after {after}: the cost of this example stayed the same."))
        self.cost_label.setText(text.format(before=f"{step.cost_before:.4g}", after=f"{step.cost_after:.4g}"))
        t = step.test
        if t is not None:
            n = len(t.changed)
            text = (translate("Mistakes", "Test set: {r0} → {r1} / {total} right ({p0}% → {p1}%); {n} prediction changed.") if n == 1
                    else translate("Mistakes", "Test set: {r0} → {r1} / {total} right ({p0}% → {p1}%); {n} predictions changed."))
            self.test_label.setText(text.format(r0=t.correct_before, r1=t.correct_after, total=t.total,
                                                p0=f"{100 * t.accuracy_before:.2f}", p1=f"{100 * t.accuracy_after:.2f}",
                                                n=n))
            self.show_changed_button.setText((translate("Mistakes", "Show the {n} changed test image") if n == 1 else
                                              translate("Mistakes", "Show the {n} changed test images")).format(n=n))
            self.show_changed_button.setVisible(True)
            self.show_changed_button.setEnabled(n > 0)
        self._show_history()

    def show_changed(self) -> None:
        step = self.last_step
        if step is not None and step.test is not None:
            self.confusion_panel.show_changed_by(step.test.changed)
            self.places.show("mistakes.confusion")
