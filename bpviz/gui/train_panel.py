"""The Train panel: the hyperparameters of SGD and the buttons that drive training."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from bpviz.core import parse_sizes
from bpviz.data import available_datasets
from bpviz.data.datasets import needs_download
from bpviz.gui.download import Download
from bpviz.gui.session import IDLE, PAUSED, RUNNING, Session, TrainConfig
from bpviz.gui.widgets import scrolling_layout

FOLDER_ITEM = "Folder of IDX files…"


class TrainPanel(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        c = session.config
        self.sizes = QLineEdit(",".join(map(str, c.sizes)))
        self.sizes.setToolTip("Neurons per layer, input first, e.g. 784,30,10 (the seed's) or 784,40,30,20,10.\n"
                              "The input must match the image size, the output the number of classes.")
        self.eta = QDoubleSpinBox(decimals=4, minimum=0.0001, maximum=1000.0, singleStep=0.5, value=c.eta)
        self.eta.setToolTip("Learning rate η. Can be changed while training runs; the next mini-batch uses it.")
        self.batch = QSpinBox(minimum=1, maximum=10000, value=c.batch_size)
        self.batch.setToolTip("Mini-batch size m: each gradient-descent step averages over m samples.")
        self.epochs = QSpinBox(minimum=1, maximum=1000, value=c.epochs)
        self.epochs.setToolTip("How many epochs (passes over the training set) Train runs.")
        self.cost = QComboBox()
        self.cost.addItem("Quadratic (the seed's)", "quadratic")
        self.cost.addItem("Cross-entropy", "cross-entropy")
        self.cost.setToolTip("Quadratic: C = ½‖y − a‖², BP1 δᴸ = (aᴸ − y) ⊙ σ′(zᴸ).\n"
                             "Cross-entropy: BP1 becomes δᴸ = aᴸ − y (no learning slow-down).")
        self.init = QComboBox()
        self.init.addItem("Standard N(0, 1) (the seed's)", "standard")
        self.init.addItem("Scaled N(0, 1/n_in)", "scaled")
        self.init.setToolTip("How the initial weights are drawn. Biases are always N(0, 1).")
        self.seed = QSpinBox(minimum=0, maximum=2**31 - 1, value=c.seed)
        self.seed.setToolTip("Seed of the initial weights and of the shuffling: same seed, same run.")
        self.dataset = QComboBox()
        for key, desc in available_datasets().items():
            self.dataset.addItem(desc, key)
        if self.dataset.findData(c.dataset) < 0:
            self.dataset.addItem(c.dataset, c.dataset)
        self.dataset.addItem(FOLDER_ITEM, None)
        self.dataset.setToolTip("The images to learn from. A folder must hold the four standard IDX files.")
        for combo in (self.cost, self.init, self.dataset):  # long item texts must not widen the panel
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
        self._select(self.cost, c.cost)
        self._select(self.init, c.init)
        self._select(self.dataset, c.dataset)
        self._last_dataset_index = self.dataset.currentIndex()
        self.dataset.activated.connect(self._on_dataset)
        self.download_bar = QProgressBar(minimum=0, maximum=100)
        self.download_text = QLabel()
        self.download_text.setWordWrap(True)
        self.download_text.setStyleSheet("color:#9ca3af;")
        self.cancel_download_button = QPushButton("Cancel")
        self.cancel_download_button.setToolTip("Stop the download; nothing half-written is kept")
        self.cancel_download_button.clicked.connect(self.cancel_download)
        self.download: Download | None = None
        self.delay = QSlider(Qt.Orientation.Horizontal, minimum=0, maximum=1000, value=c.delay_ms)
        self.delay.setToolTip("Slow motion: pause this long after every mini-batch so the colours can be followed.")
        self.delay_label = QLabel()
        self._on_delay(c.delay_ms)
        self.delay.valueChanged.connect(self._on_delay)
        self.eta.valueChanged.connect(self._on_eta)

        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key, label, w in (("sizes", "Layer sizes", self.sizes), ("eta", "Learning rate η", self.eta),
                              ("batch_size", "Mini-batch size m", self.batch), ("epochs", "Epochs", self.epochs),
                              ("cost", "Cost", self.cost), ("init", "Initial weights", self.init),
                              ("seed", "Seed", self.seed), ("dataset", "Dataset", self.dataset)):
            form.addRow(label, w)
            err = QLabel()
            err.setWordWrap(True)
            err.setStyleSheet("color: #f87171;")
            err.hide()
            form.addRow("", err)
            self.errors[key] = err
            if key == "dataset":
                box = QHBoxLayout()
                box.addWidget(self.download_bar, 1)
                box.addWidget(self.cancel_download_button)
                self.download_row = QWidget()
                inner = QVBoxLayout(self.download_row)
                inner.setContentsMargins(0, 0, 0, 0)
                inner.addLayout(box)
                inner.addWidget(self.download_text)
                self.download_row.hide()
                form.addRow("", self.download_row)
        form.addRow("Slow motion", self.delay)
        form.addRow("", self.delay_label)

        self.train_button = QPushButton("Train")
        self.stop_button = QPushButton("Stop")
        self.reset_button = QPushButton("Reset")
        self.step_button = QPushButton("One mini-batch")
        self.train_button.setToolTip("Train, pause or resume (Space)")
        self.stop_button.setToolTip("Stop training; the weights stay as they are (S)")
        self.reset_button.setToolTip("Stop and draw new initial weights from the seed (Ctrl+R)")
        self.step_button.setToolTip("Apply exactly one mini-batch, then pause (B)")
        self.train_button.clicked.connect(self.train_clicked)
        self.stop_button.clicked.connect(session.stop)
        self.reset_button.clicked.connect(self.reset_clicked)
        self.step_button.clicked.connect(self.step_clicked)
        buttons = QGridLayout()
        buttons.addWidget(self.train_button, 0, 0)
        buttons.addWidget(self.stop_button, 0, 1)
        buttons.addWidget(self.step_button, 1, 0)
        buttons.addWidget(self.reset_button, 1, 1)

        self.network_label = QLabel()
        self.network_label.setWordWrap(True)
        self.network_label.setStyleSheet("color: #9ca3af;")
        layout = scrolling_layout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.network_label)
        layout.addStretch(1)
        session.state_changed.connect(self._on_state)
        session.network_replaced.connect(self._on_network)
        self._on_state(session.state)
        self._on_network()

    @staticmethod
    def _select(combo: QComboBox, data) -> None:
        i = combo.findData(data)
        if i >= 0:
            combo.setCurrentIndex(i)

    # -- reading the form ----------------------------------------------------------------------
    def config(self) -> TrainConfig:
        """The form's values; raises ValueError("field: message") for invalid sizes."""
        try:
            sizes = parse_sizes(self.sizes.text())
        except ValueError as e:
            raise ValueError(f"sizes: {e}") from None
        return replace(self.session.config, sizes=sizes, eta=self.eta.value(), batch_size=self.batch.value(),
                       epochs=self.epochs.value(), cost=self.cost.currentData(), init=self.init.currentData(),
                       seed=self.seed.value(), dataset=self.dataset.currentData() or self.session.config.dataset,
                       delay_ms=self.delay.value())

    def show_error(self, text: str | None) -> None:
        for err in self.errors.values():
            err.hide()
        if text:
            field, _, msg = text.partition(": ")
            label = self.errors.get(field)
            if label is None:
                label, msg = self.errors["sizes"], text
            label.setText(msg)
            label.show()

    def apply(self) -> bool:
        """Adopt the form's settings (a new network if the architecture changed); False if refused."""
        try:
            self.session.apply_config(self.config())
        except ValueError as e:
            self.show_error(str(e))
            return False
        self.show_error(None)
        return True

    # -- actions -------------------------------------------------------------------------------
    def train_clicked(self) -> None:
        if self.session.state == IDLE and not self.apply():
            return
        self.session.toggle()

    def step_clicked(self) -> None:
        if self.session.state == IDLE and not self.apply():
            return
        self.session.step_batch()

    def reset_clicked(self) -> None:
        self.session.stop()
        if self.apply():
            self.session.reset_network()

    def _on_eta(self, value: float) -> None:
        if self.session.state != IDLE:
            self.session.set_eta(value)

    def _on_delay(self, ms: int) -> None:
        self.delay_label.setText("off" if ms == 0 else f"{ms} ms after each mini-batch")
        self.session.set_delay_ms(ms)

    def _on_dataset(self, index: int) -> None:
        key = self.dataset.itemData(index)
        if key is not None and needs_download(key):
            self.start_download(key)
            return
        if key is None:  # "Folder of IDX files…"
            folder = QFileDialog.getExistingDirectory(self, "Folder with the four IDX files")
            if not folder:
                self.dataset.setCurrentIndex(self._last_dataset_index)
                return
            self.dataset.insertItem(index, folder, folder)
            self.dataset.setCurrentIndex(index)
        self._last_dataset_index = self.dataset.currentIndex()
        if self.session.state == IDLE:
            self.apply()

    # -- downloads -----------------------------------------------------------------------------
    def start_download(self, name: str) -> None:
        if self.download is not None:
            return
        self.download = Download(name, parent=self)
        self.download.worker.progress.connect(self._on_download_progress)
        self.download.finished.connect(lambda ok, msg: self._on_download_finished(name, ok, msg))
        self.download_bar.setValue(0)
        self.download_text.setText(f"Downloading {name}…")
        self.download_row.show()
        self.dataset.setEnabled(False)
        self.download.start()

    def cancel_download(self) -> None:
        if self.download is not None:
            self.download.worker.cancel()

    def _on_download_progress(self, pct: int, text: str) -> None:
        self.download_bar.setValue(pct)
        self.download_text.setText(text)

    def _on_download_finished(self, name: str, ok: bool, message: str) -> None:
        self.download = None
        self.download_row.hide()
        self.dataset.setEnabled(self.session.state == IDLE)
        level = "info" if ok else ("warning" if "cancelled" in message else "error")
        self.session.message.emit(level, message)
        if ok:
            for i in range(self.dataset.count()):
                if self.dataset.itemData(i) == name:
                    self.dataset.setItemText(i, available_datasets()[name])
            self._last_dataset_index = self.dataset.currentIndex()
            if self.session.state == IDLE:
                self.apply()
        else:
            self.dataset.setCurrentIndex(self._last_dataset_index)

    def shutdown(self) -> None:
        """Cancel a running download and wait for its thread (the window is closing)."""
        if self.download is not None:
            self.download.cancel_and_wait()
            self.download = None

    def _on_state(self, state: str) -> None:
        self.train_button.setText({IDLE: "Train", RUNNING: "Pause", PAUSED: "Resume"}[state])
        idle = state == IDLE
        for w in (self.sizes, self.batch, self.epochs, self.cost, self.init, self.seed, self.dataset):
            w.setEnabled(idle)
            w.setToolTip(w.toolTip().split("\n(")[0] + ("" if idle else "\n(Stop training to change this.)"))
        self.stop_button.setEnabled(not idle)

    def _on_network(self) -> None:
        s = self.session
        net = s.network
        self.sizes.setText(",".join(map(str, net.sizes)))
        self._select(self.cost, net.cost.name)
        self._select(self.init, net.init)
        self.network_label.setText(
            f"Network {list(net.sizes)} · {net.cost.label.lower()} cost · {net.init} initial weights · "
            f"{net.num_parameters:,} parameters.\nData: {s.data.name}, {len(s.data.train):,} training and "
            f"{len(s.data.test):,} test images."
        )
