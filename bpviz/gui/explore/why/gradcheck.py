"""The bottom tab "Gradient check": backprop's gradient against central differences (:mod:`bpviz.core.gradcheck`)."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSlider,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QWidget,
)

from bpviz.core.gradcheck import check_parameter, eps_sweep, gradient_check
from bpviz.explain.why import book_name
from bpviz.gui.explore.why.common import (
    EPS_MIN_EXP,
    EPS_STEPS_PER_DECADE,
    MAX_CHECK_PARAMETERS,
    MUTED,
    Problem,
    eps_from_slider,
    prompt_text,
    sample_key,
)
from bpviz.gui.theme import rich_label, theme, themed_plot
from bpviz.gui.widgets import scrolling_layout
from bpviz.i18n import translate
from bpviz.scene.notation import number
from bpviz.scene.why_text import gradcheck_caption


class GradCheckPanel(QWidget):
    """Bottom tab: backprop's ∂C/∂θ against the central difference, and every parameter."""

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.problem: Problem | None = None
        self.sweep = None
        self.checks: dict[str, object] = {}
        self.check_rows: list = []

        self.what = rich_label()
        self.eps_slider = QSlider(Qt.Orientation.Horizontal, minimum=EPS_MIN_EXP * EPS_STEPS_PER_DECADE, maximum=0,
                                  value=-6 * EPS_STEPS_PER_DECADE)
        self.eps_slider.setPageStep(EPS_STEPS_PER_DECADE)
        self.eps_slider.setToolTip(translate("Why", "ε of the central difference (C(θ+ε) − C(θ−ε)) / 2ε, from 1e-12 to 1 on a log "
                                   "scale"))
        self.eps_slider.valueChanged.connect(self._on_eps)
        self.eps_label = QLabel()
        self.eps_label.setMinimumWidth(80)
        er = QHBoxLayout()
        er.addWidget(QLabel("ε"))
        er.addWidget(self.eps_slider, 1)
        er.addWidget(self.eps_label)
        self.values = rich_label()
        self.values.setStyleSheet(f"background:{theme().field}; border:1px solid {theme().border}; border-radius:4px; padding:4px;")
        self.check_button = QPushButton(translate("Why", "Check every parameter"))
        self.check_button.clicked.connect(self.check_all)
        self.check_note = rich_label("", MUTED)
        left = QWidget()
        lv = scrolling_layout(left)   # scrolls when the bottom area is short (small screens)
        lv.setContentsMargins(0, 0, 4, 0)
        lv.addWidget(self.what)
        lv.addLayout(er)
        lv.addWidget(self.values)
        lv.addStretch(1)
        lv.addWidget(self.check_button)
        lv.addWidget(self.check_note)

        self.plot = themed_plot(grid="xy")
        self.plot.setLogMode(x=True, y=True)
        self.plot.setLabel("bottom", "ε")
        self.plot.setLabel("left", translate("Why", "relative error"))
        self.plot.addLegend(offset=(-10, 5), labelTextColor=theme().text)
        self.curve64 = self.plot.plot([], [], pen=pg.mkPen(theme().green, width=2), symbol="o", symbolSize=4,
                                      symbolBrush=theme().green, symbolPen=None, name="float64", connect="finite")
        self.curve32 = self.plot.plot([], [], pen=pg.mkPen(theme().pink, width=2), symbol="o", symbolSize=4,
                                      symbolBrush=theme().pink, symbolPen=None, name="float32", connect="finite")
        self.eps_line = pg.InfiniteLine(angle=90, pen=pg.mkPen(theme().highlight, width=1))
        self.plot.addItem(self.eps_line)
        self.plot_caption = rich_label("", MUTED)

        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([translate("Why", "parameter"), translate("Why", "backprop"), translate("Why", "numerical"), translate("Why", "relative error")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setDefaultSectionSize(20)
        self.table.setToolTip(translate("Why", "Every parameter of the network on this sample, worst relative error first; "
                              "click a row to select that weight or bias"))
        self.table.cellClicked.connect(self._on_row)

        lv.insertWidget(3, self.plot_caption)
        left.setMinimumWidth(190)   # at 1000 px the plot's page names need the room (test_window_sizes)
        left.setMaximumWidth(300)
        # The plot and the table share the space beside the controls (the bottom area is not wide).
        self.pages = QTabWidget()
        self.pages.setDocumentMode(True)
        self.pages.addTab(self.plot, translate("Why", "Error against ε"))
        self.pages.addTab(self.table, translate("Why", "All parameters"))
        self.pages.setTabToolTip(1, translate("Why", "Fill it with “Check every parameter” (small nets)"))
        h = QHBoxLayout(self)
        h.setContentsMargins(4, 4, 4, 4)
        h.addWidget(left)
        h.addWidget(self.pages, 1)
        self._on_eps(self.eps_slider.value(), recompute=False)

    @property
    def eps(self) -> float:
        return eps_from_slider(self.eps_slider.value())

    def _on_eps(self, _v: int, recompute: bool = True) -> None:
        self.eps_label.setText(f"ε = {self.eps:.0e}")
        self.eps_line.setValue(math.log10(self.eps))
        if recompute:
            self._show_checks()

    def update_from(self, problem: Problem | None) -> None:
        self.problem = problem
        P = self.session.network.num_parameters
        ok = P <= MAX_CHECK_PARAMETERS
        self.check_button.setEnabled(ok)
        self.check_button.setToolTip(
            translate("Why", "Central differences for all {P} parameters of this net on this sample (2 forward "
                      "passes each) at the ε above").format(P=f"{P:,}") if ok else
            translate("Why", "Offered for nets up to {max} parameters; this one has {P} (try sizes 2,3,2 in the "
                      "Train tab, or bpviz explain gradcheck for a sample of a big net)").format(
                max=MAX_CHECK_PARAMETERS, P=f"{P:,}"))
        if not ok:
            self.check_note.setText(translate("Why", "“Check every parameter” is for small nets (≤ {max} "
                                              "parameters); this one has {P}.").format(
                max=MAX_CHECK_PARAMETERS, P=f"{P:,}"))
        elif not self.check_rows:
            self.check_note.setText(translate("Why", "{P} parameters: the table lists them all, worst first.")
                                    .format(P=P))
        key = sample_key(self.session)
        if key != getattr(self, "_table_key", None):   # the table is of the whole net on one sample
            self._table_key = key
            self.table.setRowCount(0)
            self.check_rows = []
        if problem is None:
            self.sweep = None
            self.checks = {}
            self.what.setText(prompt_text(self.session))
            self.values.setText("")
            self.curve64.setData([], [])
            self.curve32.setData([], [])
            self.plot_caption.setText("")
            return
        self.what.setText(translate("Why", "<b>{name}</b> on {sample}").format(
            name=problem.name, sample=problem.sample_text))
        self.sweep = s = eps_sweep(problem.network, problem.x, problem.y, problem.parameter)
        for curve, name in ((self.curve64, "float64"), (self.curve32, "float32")):
            err = s.errors[name].astype(float)
            # 0 (exact agreement) has no place on a log axis: those points are left out, not moved;
            # with none left the curve gets empty arrays (all-NaN data makes pyqtgraph warn "All-NaN
            # slice encountered" on every refresh).
            keep = err > 0
            if keep.any():
                curve.setData(s.eps, np.where(keep, err, np.nan))
            else:
                curve.setData([], [])
        self.plot_caption.setText(gradcheck_caption(s))
        self._show_checks()

    def _show_checks(self) -> None:
        pr = self.problem
        if pr is None:
            return
        self.checks = {d: check_parameter(pr.network, pr.x, pr.y, pr.parameter, eps=self.eps, dtype=d)
                       for d in ("float64", "float32")}
        head = "<tr><td></td><td align='right'><b>float64</b></td><td align='right'><b>float32</b></td></tr>"
        rows = [(translate("Why", "backprop ∂C/∂θ"), "backprop"),
                (translate("Why", "central difference"), "numerical"),
                (translate("Why", "relative error"), "relative_error")]
        body = "".join(
            f"<tr><td style='padding-right:8px;'>{t}</td>"
            + "".join(f"<td align='right' style='padding-left:8px;'>{number(getattr(self.checks[d], a), 5 if a != 'relative_error' else 2)}</td>"
                      for d in ("float64", "float32")) + "</tr>"
            for t, a in rows)
        self.values.setText(f"<table>{head}{body}</table>")

    def _on_row(self, row: int, _col: int = 0) -> None:
        """Select the parameter of a table row in the network (its edge, or its neuron for a bias)."""
        if not 0 <= row < len(self.check_rows):
            return
        p = self.check_rows[row].parameter
        self.session.select((p.l, p.j))
        self.session.select_edge((p.l, p.j, p.k) if p.kind == "w" else None)

    def check_all(self) -> None:
        pr = self.problem
        s = self.session
        net = s.snapshot_network() if pr is None else pr.network
        if net.num_parameters > MAX_CHECK_PARAMETERS:
            return
        if pr is None:
            x, label = s.view_sample()
            x = np.asarray(x, dtype=np.float64)
            y = int(np.argmax(net.feedforward(x))) if label is None else int(label)
        else:
            x, y = pr.x, pr.y
        check = gradient_check(net, x[None, :], np.array([y]), eps=self.eps, dtype="float64")
        self.check_rows = rows = check.rows()
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            for col, text in enumerate((book_name(r.parameter), number(r.backprop, 5), number(r.numerical, 5),
                                        f"{r.relative_error:.2e}")):
                item = QTableWidgetItem(text)
                if col:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(i, col, item)
        self.pages.setCurrentWidget(self.table)
        worst = rows[0].relative_error if rows else 0.0
        self.check_note.setText(translate("Why", "Checked all {n} parameters in float64 at ε = {eps}: worst "
                                          "relative error {worst} ({name}).").format(
            n=len(rows), eps=f"{self.eps:.0e}", worst=f"{worst:.2e}", name=book_name(rows[0].parameter)))


# == 3. why backprop is fast ====================================================================
