"""The Learning tab's presets: the book's experiments (:mod:`bpviz.scene.presets`), with the book's figure
as a target line on the accuracy plot."""

from __future__ import annotations

import html
from dataclasses import replace

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
)

from bpviz.gui.explore.learning.common import shrinkable
from bpviz.gui.theme import theme, wrap_label
from bpviz.i18n import translate
from bpviz.scene.presets import PRESETS, SPEED, Preset
from bpviz.state import ConfigError


class PresetControls:
    """The Learning tab's "The book's experiments" box (a part of :class:`LearningPanel`)."""

    # -- presets ------------------------------------------------------------------------------
    def _make_presets(self) -> QGroupBox:
        box = QGroupBox(translate("Learning", "The book's experiments"))
        v = QVBoxLayout(box)
        row = QHBoxLayout()
        self.preset_combo = QComboBox()
        for p in PRESETS:
            self.preset_combo.addItem(p.title_text, p.key)
        shrinkable(self.preset_combo)
        self.preset_combo.setToolTip(translate("Learning", "One of the book's experiments (or a demonstration of a bad η)"))
        self.preset_combo.currentIndexChanged.connect(self._on_preset_choice)
        self.apply_preset_button = QPushButton(translate("Learning", "Apply"))
        self.apply_preset_button.setToolTip(translate("Learning", "Use these settings (a new network when the sizes, cost or init "
                                            "change; a replaced trained network can be brought back with Ctrl+Z)"))
        self.apply_preset_button.clicked.connect(self.apply_preset)
        row.addWidget(self.preset_combo, 1)
        row.addWidget(self.apply_preset_button)
        v.addLayout(row)
        self.preset_text = wrap_label(tip=translate("Learning", "The settings, the book's figure and what bpviz measured"))
        self.preset_text.setStyleSheet("font-size: 9pt;")
        v.addWidget(self.preset_text)
        self.preset_status = wrap_label()
        self.preset_status.setStyleSheet(f"font-size: 9pt; color: {theme().highlight};")
        v.addWidget(self.preset_status)
        return box

    def current_preset(self) -> Preset:
        return PRESETS[self.preset_combo.currentIndex()]

    def _on_preset_choice(self, _i: int) -> None:
        p = self.current_preset()
        book = (translate("Learning", "Book: {acc} %").format(acc=f"{100 * p.book_accuracy:.2f}")
                if p.book_accuracy is not None else translate("Learning", "Book: no accuracy figure"))
        self.preset_text.setText(f"<b>{html.escape(p.settings)}</b><br>"
                                 + translate("Learning", "{book}. {note}").format(book=book,
                                                                                   note=html.escape(p.note_text))
                                 + "<br>"
                                 + translate("Learning", "<i>bpviz measured</i>: {text}").format(
                                     text=html.escape(p.measured_text)))

    def preset_config(self, p: Preset):
        return replace(self.session.config, sizes=p.sizes, eta=p.eta, batch_size=p.batch_size, epochs=p.epochs,
                       cost=p.cost, init=p.init, lmbda=p.lmbda)

    def matches(self, p: Preset) -> bool:
        """The loaded settings are the preset's (sizes, cost, init, η, m, λ; epochs and seed may differ)."""
        c = self.session.config
        return (c.sizes, c.cost, c.init, c.eta, c.batch_size, c.lmbda) == (p.sizes, p.cost, p.init, p.eta,
                                                                           p.batch_size, p.lmbda)

    def apply_preset(self) -> bool:
        p = self.current_preset()
        s = self.session
        if s.data.input_size != p.sizes[0] or s.data.n_classes != p.sizes[-1]:
            self.preset_status.setText(translate("Learning", "Not applied: this experiment needs 784 inputs and 10 "
                                                 "classes (MNIST); {data} has {n} inputs and {k} classes.").format(
                data=s.data.name, n=s.data.input_size, k=s.data.n_classes))
            return False
        try:
            s.apply_config(self.preset_config(p))
        except (ConfigError, RuntimeError) as e:
            self.preset_status.setText(translate("Learning", "Not applied: {error}").format(error=e))
            return False
        self.applied = p
        self.preset_status.setText("")
        self._check_preset()
        if p.view == SPEED:
            self.places.show("learning.speed")
        s.report("info", translate("Learning", "Preset “{title}”: {settings}. Press Train (Space).").format(
            title=p.title_text, settings=p.settings))
        return True

    def _on_world(self) -> None:
        self._batch_idx = None
        self._check_preset()
        self.refresh_saturation()

    def _check_preset(self) -> None:
        """The target line stays only while the loaded settings are the applied preset's."""
        p = self.applied
        if p is not None and not self.matches(p):
            self.applied = None
            p = None
            self.preset_status.setText(translate("Learning", "The settings changed: the preset's target line was removed."))
        plot = self.accuracy_plot
        if self.target_line is not None and (p is None or self.target_line.preset is not p):
            plot.removeItem(self.target_line)
            self.target_line = None
        if p is not None and p.book_accuracy is not None and self.target_line is None:
            line = pg.InfiniteLine(pos=100 * p.book_accuracy, angle=0, movable=False,
                                   pen=pg.mkPen(theme().highlight, width=1.5, style=Qt.PenStyle.DashLine),
                                   label=self._target_label(p),
                                   labelOpts={"position": 0.01, "anchors": [(0, 0), (0, 0)], "color": theme().highlight,
                                              "fill": pg.mkBrush(theme().translucent(theme().plot_background, 0xc0))})
            line.preset = p
            line.setToolTip(p.target_caption(self.session.config.dataset))
            plot.addItem(line)
            self.target_line = line
        if p is not None:
            self.preset_status.setText(translate("Learning", "Target line on the accuracy plot: ")
                                       + p.target_caption(self.session.config.dataset)
                                       if p.book_accuracy is not None else p.target_caption())

    def _target_label(self, p: Preset) -> str:
        loaded = self.session.data.name
        n = len(self.session.data.train)
        return translate("Learning", "book {acc} % · full MNIST, 50,000 train · loaded: {loaded}, {n}").format(
            acc=f"{100 * p.book_accuracy:.2f}", loaded=loaded, n=f"{n:,}")
