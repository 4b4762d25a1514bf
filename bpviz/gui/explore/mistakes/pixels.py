"""The Teach tab's "Which pixels matter": ∂C/∂x of the shown example, nudging the input towards a label,
and the lens the Teach tab gives the network view."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from bpviz.core.mistakes import input_gradient, nudge, nudge_until
from bpviz.gui.explore.mistakes.common import (
    colour_scale_image,
    diverging_image,
    grey_image,
    image_label,
    show_image,
)
from bpviz.gui.theme import output_bars, theme
from bpviz.gui.widgets import number_field
from bpviz.i18n import translate
from bpviz.scene.lens import Lens
from bpviz.scene.mistakes_text import class_text, nudge_caption
from bpviz.scene.notation import fmt


class PixelControls:
    """The Teach tab's "Which pixels matter" box and its lens (a part of :class:`TeachPanel`)."""

    def _make_pixels(self, layout) -> None:
        """Build the box at the end of ``layout``."""
        # which pixels matter
        px = QGroupBox(translate("Mistakes", "Which pixels matter: ∂C/∂x"))
        pl = QVBoxLayout(px)
        self.pixels_note = QLabel()
        self.pixels_note.setWordWrap(True)
        self.pixels_note.setStyleSheet(f"color: {theme().muted};")
        imgs = QGridLayout()
        # three 92-px images fit the side panel at 1000 px (104 px pushed it 31 px past its edge)
        self.input_image = image_label(translate("Mistakes", "The input x"), 92)
        self.grad_image = image_label(translate("Mistakes", "∂C/∂x for the chosen label: red pixels raise the cost when brightened, blue "
                                      "ones lower it"), 92)
        self.nudged_image = image_label(translate("Mistakes", "The input after the nudges (press Nudge)"), 92)
        for c, (w, t) in enumerate(((self.input_image, translate("Mistakes", "input x")), (self.grad_image, "∂C/∂x"),
                                    (self.nudged_image, translate("Mistakes", "nudged x")))):
            imgs.addWidget(w, 0, c, Qt.AlignmentFlag.AlignHCenter)
            cap = QLabel(t)
            cap.setAlignment(Qt.AlignmentFlag.AlignCenter)
            imgs.addWidget(cap, 1, c)
        self.scale_bar = QLabel()
        self.scale_bar.setPixmap(QPixmap.fromImage(colour_scale_image(self._lut)))
        self.scale_bar.setToolTip(translate("Mistakes", "Colour scale of ∂C/∂x, symmetric about 0"))
        self.scale_label = QLabel()
        scale_row = QHBoxLayout()
        scale_row.addWidget(self.scale_bar)
        scale_row.addWidget(self.scale_label, 1)
        self.nudge_target = QComboBox()
        self.nudge_target.setToolTip(translate("Mistakes", "The label to push the input towards: x moves along −∂C/∂x for this target"))
        self.nudge_target.currentIndexChanged.connect(self.reset_nudges)
        self.nudge_step = QLineEdit("0.02")
        number_field(self.nudge_step)
        self.nudge_step.setMaximumWidth(70)
        self.nudge_step.setToolTip(translate("Mistakes", "Brightness step ε: the most influential pixel changes by ε per nudge, the "
                                   "others in proportion to their ∂C/∂x"))
        self.nudge_error = QLabel()
        self.nudge_error.setStyleSheet(f"color: {theme().error_text};")
        self.nudge_error.setWordWrap(True)
        self.nudge_button = QPushButton(translate("Mistakes", "Nudge once"))
        self.nudge_button.setToolTip(translate("Mistakes", "Move the input one step along −∂C/∂x and predict again (Ctrl+G)"))
        self.nudge_button.clicked.connect(self.nudge_once)
        self.until_button = QPushButton(translate("Mistakes", "Until it changes"))
        self.until_button.setToolTip(translate("Mistakes", "Nudge until the network predicts the target (at most 200 nudges)"))
        self.until_button.clicked.connect(self.nudge_until_changed)
        self.reset_button = QPushButton(translate("Mistakes", "Reset"))
        self.reset_button.setToolTip(translate("Mistakes", "Start the nudges again from the original input"))
        self.reset_button.clicked.connect(self.reset_nudges)
        nrow = QHBoxLayout()
        nrow.addWidget(QLabel(translate("Mistakes", "towards")))
        nrow.addWidget(self.nudge_target, 1)
        nrow.addWidget(QLabel("ε"))
        nrow.addWidget(self.nudge_step)
        nbuttons = QHBoxLayout()
        nbuttons.addWidget(self.nudge_button)
        nbuttons.addWidget(self.until_button)
        nbuttons.addWidget(self.reset_button)
        self.nudge_caption = QLabel()
        self.nudge_caption.setWordWrap(True)
        self.nudge_output_bars = output_bars("aᴸ", translate("Mistakes", "grey: original input · blue: nudged"))
        self.nudge_bars = self.nudge_output_bars.plot
        self.nudge_bars.setToolTip(translate("Mistakes", "Output activations of the original input (grey) and of the nudged input (blue)"))
        pl.addWidget(self.pixels_note)
        pl.addLayout(imgs)
        pl.addLayout(scale_row)
        pl.addLayout(nrow)
        pl.addLayout(nbuttons)
        pl.addWidget(self.nudge_error)
        pl.addWidget(self.nudge_caption)
        pl.addWidget(self.nudge_bars)
        self.pixels_box = px
        layout.addWidget(px)

    # -- which pixels matter -----------------------------------------------------------------
    def refresh_pixels(self) -> None:
        s = self.session
        x, _label, what = self.current_input()
        if s.network.sizes[0] != 784:
            self.pixels_note.setText(translate("Mistakes", "∂C/∂x as a picture needs 28×28 = 784-pixel images; this network has "
                                       "{n} inputs.").format(n=s.network.sizes[0]))
            self.gradient = None
            for lab in (self.input_image, self.grad_image, self.nudged_image):
                show_image(lab, None)
            return
        if x is None:
            self.pixels_note.setText(translate("Mistakes", "No input: {what}.").format(what=what))
            self.gradient = None
            return
        k = int(self.label.currentData())
        net = s.snapshot_network()
        self.gradient = g = input_gradient(net, x, k)
        vmax = float(np.max(np.abs(g))) or 1.0
        self.gradient_scale = vmax
        show_image(self.input_image, grey_image(x))
        show_image(self.grad_image, diverging_image(g, vmax, self._lut))
        self.scale_label.setText(f"−{fmt(vmax, 3)}  …  0  …  +{fmt(vmax, 3)}")
        self.pixels_note.setText(
            translate("Mistakes", "∂C/∂x = (w²)ᵀ δ² for label {label}: BP2 carried one layer further, to the input. Red: brightening "
              "the pixel raises C_x; blue: it lowers C_x. Nudges move x along −∂C/∂x — the same equations applied "
              "to the input instead of the weights.").format(label=class_text(s.data.class_names, k)))

    def _nudge_eps(self) -> float | None:
        text = self.nudge_step.text().strip()
        try:
            eps = float(text)
        except ValueError:
            self.nudge_error.setText("ε: " + translate("Mistakes", "“{text}” is not a number").format(text=text))
            return None
        if not np.isfinite(eps) or eps <= 0 or eps > 1:
            self.nudge_error.setText(translate("Mistakes", "ε must lie in (0, 1]: it is a change of brightness"))
            return None
        self.nudge_error.setText("")
        return eps

    def reset_nudges(self, *_args) -> None:
        self.nudged = None
        self.nudge_result = None
        self.nudge_caption.setText("")
        show_image(self.nudged_image, None)
        self.nudge_output_bars.show(None, None, self._names())
        self.refresh_pixels()
        self.publish_lens()

    def _nudge_problem(self):
        """(x, ε, network, target k) for a nudge, or None (no input, ε refused, not 28×28 images)."""
        x, _label, _what = self.current_input()
        eps = self._nudge_eps()
        if x is None or eps is None or self.session.network.sizes[0] != 784:
            return None
        return x, eps, self.session.snapshot_network(), int(self.nudge_target.currentData())

    def nudge_once(self):
        """One nudge of the (already nudged) input towards the target; returns the core's NudgeStep."""
        problem = self._nudge_problem()
        if problem is None:
            return None
        x, eps, net, k = problem
        start = x if self.nudged is None else self.nudged
        step = nudge(net, start, k, eps, original=x)
        self.nudged = step.x
        self.nudge_result = step
        out0 = net.feedforward(np.asarray(x, dtype=net.dtype))
        names = self.session.data.class_names
        text = (translate("Mistakes", "After this nudge: now predicted as {label} (aᴸ{k} = {a}, was {a0}); {n} of {total} pixels "
                  "changed by more than {threshold} from the original (largest change {largest}).")
                if step.prediction == k else
                translate("Mistakes", "After this nudge: still predicted as {label} (aᴸ{k} = {a}, was {a0}); {n} of {total} pixels "
                  "changed by more than {threshold} from the original (largest change {largest})."))
        self.nudge_caption.setText(text.format(
            label=class_text(names, step.prediction), k=k, a=fmt(float(step.outputs[k])), a0=fmt(float(out0[k])),
            n=step.changed_pixels, total=x.shape[0], threshold=f"{step.threshold:g}",
            largest=fmt(step.max_change, 2)))
        self._show_nudged(out0, step.outputs)
        return step

    def nudge_until_changed(self):
        problem = self._nudge_problem()
        if problem is None:
            return None
        x, eps, net, k = problem
        run = nudge_until(net, x, k, eps, max_steps=200)
        self.nudge_result = run
        self.nudged = run.final.x if run.final is not None else np.asarray(x, dtype=net.dtype)
        self.nudge_caption.setText(nudge_caption(run, self.session.data.class_names))
        self._show_nudged(run.outputs0, run.final.outputs if run.final is not None else run.outputs0)
        return run

    def _show_nudged(self, before: np.ndarray, after: np.ndarray) -> None:
        show_image(self.nudged_image, grey_image(self.nudged))
        self.nudge_output_bars.show(before, after, self._names())

    # -- the network view --------------------------------------------------------------------
    def is_current(self) -> bool:
        return self.places.is_current("mistakes.teach")

    def build_lens(self) -> Lens | None:
        """∂C/∂x on the input grid, activations of the current input, and the last step's Δw."""
        s = self.session
        x, _label, _ = self.current_input()
        if x is None:
            return None
        net = s.snapshot_network()
        _, acts = net.forward(np.asarray(x)[None, :])
        nodes: list = [("a", a[0]) for a in acts]
        if self.gradient is not None:
            nodes[0] = ("∂C/∂x", self.gradient)
        step = self.last_step
        k = int(self.label.currentData())
        names = s.data.class_names
        if step is not None and self.teacher is not None and self._in_sync():
            after = self.teacher.network.weights
            dw = {l: (after[l - 2].astype(np.float64) - step.snapshot.weights[l - 2]) for l in range(2, len(after) + 2)}
            marked = tuple((c.l, c.j, c.k) for c in step.top_changes)
            title = translate("Mistakes", "Δw of the last teaching step (label {label}); its {n} largest changes marked · input: "
                      "∂C/∂x").format(label=class_text(names, step.label), n=len(marked))
            return Lens(title, nodes, edge_kind="Δw", edge_values=dw, marked_edges=marked,
                        legend=translate("Mistakes", "change Δw"))
        return Lens(translate("Mistakes", "input grid: ∂C/∂x for label {label} · nodes: activations").format(
            label=class_text(names, k)), nodes)

    def publish_lens(self) -> None:
        """Hand the network view this panel's lens (only while the Teach tab is the current one)."""
        if self.is_current():
            self.own_lens = self.build_lens()
            self.lenses.offer("mistakes.teach", self.own_lens)
