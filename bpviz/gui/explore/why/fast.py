"""The bottom tab "Why fast": the time of the full gradient, backprop against central differences
(:func:`bpviz.explain.why.why_fast`), measured as a job on the session's one worker."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from bpviz.explain.why import FastRow
from bpviz.gui.explore.why.common import MUTED, PRESET_TIPS, PRESETS, QUICK_NETS
from bpviz.gui.jobs import FastMeasured, FastStarting, why_fast_work
from bpviz.gui.theme import rich_label, theme, themed_plot
from bpviz.gui.worker import Job, Workers
from bpviz.i18n import QT_TRANSLATE_NOOP, join_sentences, translate
from bpviz.scene.notation import seconds, sup


class WhyFastPanel(QWidget):
    """Bottom tab: time for the full gradient by backprop and by central differences, against P."""

    COLUMNS = [QT_TRANSLATE_NOOP("Why", "network"), "P", QT_TRANSLATE_NOOP("Why", "forward passes"),
               QT_TRANSLATE_NOOP("Why", "central differences"), QT_TRANSLATE_NOOP("Why", "backprop"),
               QT_TRANSLATE_NOOP("Why", "ratio"), QT_TRANSLATE_NOOP("Why", "how")]

    def __init__(self, workers: Workers, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workers = workers
        self.nets: tuple[tuple[int, ...], ...] = QUICK_NETS
        self.max_seconds = 4.0
        self.rows: list[FastRow] = []
        self.job: Job | None = None       # the measurement while it runs
        self.stopped = False

        self.preset = QComboBox()
        for (text, _nets, _sec), tip in zip(PRESETS, PRESET_TIPS):
            self.preset.addItem(translate("Why", text))
            self.preset.setItemData(self.preset.count() - 1, translate("Why", tip), Qt.ItemDataRole.ToolTipRole)
        self.preset.setToolTip(translate("Why", "Which networks to measure (each on one random input, N(0, 1/n_in) weights)"))
        self.preset.currentIndexChanged.connect(self._on_preset)
        self.run_button = QPushButton(translate("Why", "Run"))
        self.run_button.setToolTip(translate("Why", "Compute the full gradient of one sample's cost both ways for each network, "
                                   "counting forward passes and timing both (in a background thread)"))
        self.run_button.clicked.connect(self.start)
        self.stop_button = QPushButton(translate("Why", "Stop"))
        self.stop_button.setToolTip(translate("Why", "Stop after the network being measured (a few seconds at most)"))
        self.stop_button.clicked.connect(self.stop)
        self.stop_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setFormat(translate("Why", "%v / %m networks"))
        self.progress.setMaximum(len(self.nets))
        self.progress.setValue(0)
        self.progress.setMinimumWidth(130)
        self.progress.setToolTip(translate("Why", "Networks measured so far"))
        self.status = rich_label("")
        top = QHBoxLayout()
        top.addWidget(self.preset, 1)
        top.addWidget(self.run_button)
        top.addWidget(self.stop_button)
        top.addWidget(self.progress)

        self.plot = themed_plot(grid="xy")
        self.plot.setLogMode(x=True, y=True)
        self.plot.setLabel("bottom", translate("Why", "parameters P"))
        self.plot.setLabel("left", translate("Why", "seconds"))
        self.plot.setToolTip(translate("Why", "Seconds for the full gradient of one sample's cost, against the number of "
                             "parameters P (both axes logarithmic)"))
        self.num_curve = self.plot.plot([], [], pen=pg.mkPen(theme().amber, width=2))
        self.num_measured = pg.ScatterPlotItem(size=9, brush=pg.mkBrush(theme().amber), pen=None)
        self.num_extrap = pg.ScatterPlotItem(size=10, brush=pg.mkBrush(None), pen=pg.mkPen(theme().amber, width=2))
        self.bp_curve = self.plot.plot([], [], pen=pg.mkPen(theme().green, width=2), symbol="o", symbolSize=8,
                                       symbolBrush=theme().green, symbolPen=None)
        self.plot.addItem(self.num_measured)
        self.plot.addItem(self.num_extrap)
        self.ratio_texts: list[pg.TextItem] = []

        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([translate("Why", c) for c in self.COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.note = rich_label(translate("Why", "Press Run. Every time is measured on this machine; nothing is assumed. "
                                     "Both ways are timed alike: one continuous run, divided by the work done. "
                                     "For a big network the central differences of a random sample of parameters "
                                     "are timed and scaled to all P: those points are hollow and the table says so."),
                           MUTED)

        self.key = rich_label(f"<span style='color:{theme().amber};'>● "
                          + translate("Why", "central differences, 2P passes (hollow: extrapolated)")
                          + f"</span> &nbsp; <span style='color:{theme().green};'>● "
                          + translate("Why", "backprop, 1 forward + 1 backward pass") + "</span> &nbsp; "
                          + translate("Why", "labels: backprop's speed-up"))
        # its wrapped lines keep their height; the plot gives way (a short bottom area at 1000 × 650)
        self.key.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        plot_page = QWidget()
        pv = QVBoxLayout(plot_page)
        pv.setContentsMargins(0, 0, 0, 0)
        pv.addWidget(self.key)
        pv.addWidget(self.plot, 1)
        self.pages = QTabWidget()
        self.pages.setDocumentMode(True)
        self.pages.addTab(plot_page, translate("Why", "Time against P (log–log)"))
        self.pages.addTab(self.table, translate("Why", "Table"))
        v = QVBoxLayout(self)
        v.setContentsMargins(4, 4, 4, 4)
        v.setSpacing(3)
        v.addLayout(top)
        v.addWidget(self.pages, 1)
        v.addWidget(self.status)
        v.addWidget(self.note)

    def _on_preset(self, i: int) -> None:
        _text, self.nets, self.max_seconds = PRESETS[i]
        self.progress.setMaximum(len(self.nets))
        self.progress.setValue(0)

    @property
    def running(self) -> bool:
        return self.job is not None

    def start(self) -> None:
        if self.job is not None:
            return
        self.rows = []
        self.failed_text = None
        self.stopped = False
        self._refresh_rows()
        self.progress.setMaximum(len(self.nets))
        self.progress.setValue(0)
        self.run_button.setEnabled(False)
        self.preset.setEnabled(False)
        self.stop_button.setEnabled(True)
        self.status.setText(translate("Why", "Measuring {n} networks (about {s} s of central differences in "
                                      "all)…").format(n=len(self.nets), s=f"{self.max_seconds:g}"))
        self.job = self.workers.start(why_fast_work(self.nets, self.max_seconds), "why-fast", connect={
            "yielded": self._on_items, "failed": self._on_failed, "cancelled": self._on_cancelled,
            "ended": self._on_finished})

    def stop(self) -> None:
        """Stop after the network being measured (the window's closing stops it through the session)."""
        if self.job is not None:
            self.job.cancel()
            self.status.setText(translate("Why", "Stopping after the network being measured…"))

    def _on_items(self, items: list) -> None:
        for it in items:
            if isinstance(it, FastStarting):
                self._on_starting(it.index)
            elif isinstance(it, FastMeasured):
                self._on_row(it.index, it.row)

    def _on_starting(self, i: int) -> None:
        if i < len(self.nets):
            self.status.setText(translate("Why", "Measuring [{sizes}] ({i} of {n})…").format(
                sizes=", ".join(map(str, self.nets[i])), i=i + 1, n=len(self.nets)))

    def _on_row(self, i: int, row: FastRow) -> None:
        self.rows.append(row)
        self.progress.setValue(len(self.rows))
        self._refresh_rows()

    def _on_failed(self, error: BaseException) -> None:
        self.failed_text = text = f"{type(error).__name__}: {error}"
        self.status.setText(translate("Why", "The measurement failed: {text}").format(text=text))

    def _on_cancelled(self) -> None:
        self.stopped = True

    def _on_finished(self) -> None:
        if self.job is None:
            return
        self.job = None
        self.run_button.setEnabled(True)
        self.preset.setEnabled(True)
        self.stop_button.setEnabled(False)
        n = len(self.rows)
        if getattr(self, "failed_text", None) is None:
            stopped = self.stopped and n < len(self.nets)
            text = (translate("Why", "Measured {n} of {total} networks (stopped).") if stopped
                    else translate("Why", "Measured {n} of {total} networks."))
            self.status.setText(join_sentences(text.format(n=n, total=len(self.nets)), self._summary()))

    def _summary(self) -> str:
        if len(self.rows) < 2:
            return ""
        a, b = self.rows[0], max(self.rows, key=lambda r: r.parameters)
        text = (translate("Why", "From P = {a} to P = {b} backprop's lead grew: ×{ra} to ×{rb} (central "
                          "differences cost 2P forward passes, backprop 1 forward and 1 backward pass).")
                if b.ratio > a.ratio else
                translate("Why", "From P = {a} to P = {b} backprop's lead did not grow: ×{ra} to ×{rb} (central "
                          "differences cost 2P forward passes, backprop 1 forward and 1 backward pass)."))
        return text.format(a=f"{a.parameters:,}", b=f"{b.parameters:,}", ra=f"{a.ratio:,.0f}",
                                 rb=f"{b.ratio:,.0f}")

    def _refresh_rows(self) -> None:
        rows = sorted(self.rows, key=lambda r: r.parameters)
        P = np.array([r.parameters for r in rows], dtype=float)
        tn = np.array([r.numerical_seconds for r in rows])
        tb = np.array([r.backprop_seconds for r in rows])
        ext = np.array([r.extrapolated for r in rows], dtype=bool)
        self.num_curve.setData(P, tn)
        self.bp_curve.setData(P, tb)
        # Scatter items are not given log mode by the plot: hand them log10 coordinates.
        lp, ln = np.log10(P) if P.size else P, np.log10(tn) if tn.size else tn
        self.num_measured.setData(lp[~ext], ln[~ext])
        self.num_extrap.setData(lp[ext], ln[ext])
        for t in self.ratio_texts:
            self.plot.removeItem(t)
        self.ratio_texts = []
        last = -math.inf
        for x, y, r in zip(lp, ln, rows):
            if x - last < 0.2:   # too close to the previous label to be read (the table has every ratio)
                continue
            last = x
            t = pg.TextItem(f"×{r.ratio:,.0f}", color=theme().highlight_pale, anchor=(0.5, 1.2))
            t.setPos(float(x), float(y))
            self.plot.addItem(t)
            self.ratio_texts.append(t)
        if P.size:
            lt = np.log10(np.concatenate([tn, tb]))
            x0, x1 = math.floor(lp.min() - 0.1), math.ceil(lp.max() + 0.1)
            y0, y1 = math.floor(lt.min() - 0.1), math.ceil(lt.max() + 0.8)
            self.plot.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0.02)
            # Decades only: pyqtgraph's minor log ticks run into each other on a narrow plot.
            self.plot.getAxis("bottom").setTicks([[(k, f"10{sup(k)}") for k in range(x0, x1 + 1)], []])
            self.plot.getAxis("left").setTicks([[(k, f"10{sup(k)}") for k in range(y0, y1 + 1)], []])
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            how = (translate("Why", "extrapolated from {t} of {P} parameters ({passes} passes counted)").format(
                       t=f"{r.parameters_timed:,}", P=f"{r.parameters:,}", passes=f"{r.passes_counted:,}")
                   if r.extrapolated else translate("Why", "all parameters timed"))
            cells = (",".join(map(str, r.sizes)), f"{r.parameters:,}",
                     translate("Why", "{a} forward vs {f} + {b}").format(
                         a=f"{r.numerical_passes:,}", f=r.backprop_forward, b=r.backprop_backward),
                     seconds(r.numerical_seconds),
                     seconds(r.backprop_seconds), f"×{r.ratio:,.0f}", how)
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if 0 < col < 6:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(i, col, item)
        if ext.any():
            self.note.setText(translate("Why", "Hollow points ({n}) are extrapolated: the central differences of a "
                                        "random sample of parameters were timed and scaled to all P (see the last "
                                        "column). Every other figure is measured in full on this machine.").format(
                n=int(ext.sum())))
        elif rows:
            self.note.setText(translate("Why", "Every figure is measured in full on this machine (no extrapolation)."))


# == 4. the code, line by line ==================================================================
