"""The Train panel: the hyperparameters of SGD and the buttons that drive training."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from bpviz.core import parse_sizes
from bpviz.data import available_datasets
from bpviz.data.datasets import dataset_title, needs_download
from bpviz.data.plane import is_plane_name
from bpviz.gui.download import DownloadProgress, cancelled_text, done_text, download_work, failed_text
from bpviz.gui.neuron_form import CSV_ITEM, IMAGES_ITEM, ask_data_path, data_note, form_features, neuron_widgets
from bpviz.gui.session import IDLE, PAUSED, RUNNING, STOPPING, Session
from bpviz.gui.theme import theme
from bpviz.gui.widgets import number_field, scrolling_layout
from bpviz.gui.worker import Job
from bpviz.scene import pace
from bpviz.scene.names import CostName, InitName, RunState, cost_label, init_label
from bpviz.state import ConfigError, TrainConfig

FOLDER_ITEM = "Folder of IDX files…"


class TrainPanel(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        c = session.config
        # Plain text fields, not spin boxes: a spin box silently rewrites what was typed ("1e9"
        # became 19, 0 became the minimum); here a value is refused with the reason beside it.
        self.sizes = self._field(",".join(map(str, c.sizes)),
                                 self.tr("Neurons per layer, input first, e.g. 784,30,10 (the seed's) or "
                                         "784,40,30,20,10.\nThe input must match the image size, the output the "
                                         "number of classes."))
        self.eta = self._field(f"{c.eta:g}", self.tr("Learning rate η > 0. Can be changed while training runs "
                                                     "(Enter): the next mini-batch uses it."))
        self.batch = self._field(str(c.batch_size), self.tr("Mini-batch size m: each gradient-descent step "
                                                            "averages over m samples."))
        self.epochs = self._field(str(c.epochs), self.tr("How many epochs (passes over the training set) Train runs."))
        self.lmbda = self._field(f"{c.lmbda:g}", self.tr("L2 regularisation λ ≥ 0 (chapter 3): each step also "
                                                         "shrinks every weight by the factor 1 − ηλ/n. 0 is the "
                                                         "seed's."))
        self.seed = self._field(str(c.seed), self.tr("Seed of the initial weights and of the shuffling: same seed, "
                                                 "same run."))
        self.cost = QComboBox()
        for cost in CostName:
            self.cost.addItem(cost.choice(), cost.value)
        # issue 19: the hidden neurons, the output layer, a 2-D set's input features (gui/neuron_form.py)
        self.activation, self.output, self.features = neuron_widgets(self)
        self.cost.setToolTip(self.tr("Quadratic: C = ½‖y − a‖², BP1 δᴸ = (aᴸ − y) ⊙ σ′(zᴸ).\n"
                                     "Cross-entropy: BP1 becomes δᴸ = aᴸ − y (no learning slow-down)."))
        self.init = QComboBox()
        for init in InitName:
            self.init.addItem(init.choice(), init.value)
        self.init.setToolTip(self.tr("How the initial weights are drawn. Biases are always N(0, 1)."))
        self.dataset = QComboBox()
        for key, desc in available_datasets().items():
            # a short name that fits the field; the full description (sizes, download) as its tooltip
            self.dataset.addItem(self.dataset_text(key), key)
            self.dataset.setItemData(self.dataset.count() - 1, desc, Qt.ItemDataRole.ToolTipRole)
        if self.dataset.findData(c.dataset) < 0:
            self.dataset.addItem(c.dataset, c.dataset)
        self.dataset.addItem(self.tr("Folder of IDX files…"), None)
        self.dataset.addItem(self.tr("CSV file…"), CSV_ITEM)
        self.dataset.addItem(self.tr("Folder of images, one sub-folder per class…"), IMAGES_ITEM)
        self.dataset.setToolTip(self.tr("The images to learn from. A folder must hold the four standard IDX "
                                        "files."))
        for combo in (self.cost, self.init, self.dataset, self.activation, self.output):  # long texts must not widen
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
        self.download_text.setStyleSheet(f"color:{theme().muted};")
        self.cancel_download_button = QPushButton(self.tr("Cancel"))
        self.cancel_download_button.setToolTip(self.tr("Stop the download; nothing half-written is kept"))
        self.cancel_download_button.clicked.connect(self.cancel_download)
        self.download: Job | None = None
        # The pace: log scale from 1 mini-batch per second to full speed (the last position).
        self.pace = QSlider(Qt.Orientation.Horizontal, minimum=0, maximum=pace.FULL_SPEED,
                            value=pace.position_of_delay_ms(c.delay_ms))
        self.pace.setPageStep(pace.PER_DECADE)
        self.pace.setToolTip(self.tr("How fast training runs: from 1 mini-batch per second (each update can be "
                                     "watched: the edges that changed most flash and every cost point appears) to "
                                     "full speed (right end).\nCan be changed while training runs."))
        self.pace_label = QLabel()
        self.pace_label.setWordWrap(True)
        self.pace_label.setStyleSheet(f"color:{theme().muted};")
        self._on_pace(self.pace.value())
        self.pace.valueChanged.connect(self._on_pace)
        self.eta.editingFinished.connect(self._on_eta)
        for key, f in (("sizes", self.sizes), ("eta", self.eta), ("batch_size", self.batch), ("epochs", self.epochs),
                       ("lmbda", self.lmbda), ("seed", self.seed), ("features", self.features)):
            f.returnPressed.connect(self._on_enter)
            # an edited value is no longer the refused one: its reason goes until it is checked again
            f.textEdited.connect(lambda _t, key=key: self.errors[key].hide())

        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key, label, w in (("sizes", self.tr("Layer sizes"), self.sizes),
                              ("eta", self.tr("Learning rate η"), self.eta),
                              ("batch_size", self.tr("Mini-batch size m"), self.batch),
                              ("epochs", self.tr("Epochs"), self.epochs),
                              ("lmbda", self.tr("L2 regularisation λ"), self.lmbda),
                              ("cost", self.tr("Cost"), self.cost), ("init", self.tr("Initial weights"), self.init),
                              ("activation", self.tr("Hidden neurons"), self.activation),
                              ("output", self.tr("Output layer"), self.output),
                              ("seed", self.tr("Seed"), self.seed), ("dataset", self.tr("Dataset"), self.dataset),
                              ("features", self.tr("Input features"), self.features)):
            form.addRow(label, w)
            err = QLabel()
            err.setWordWrap(True)
            err.setStyleSheet(f"color: {theme().wrong};")
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
        form.addRow(self.tr("Pace"), self.pace)
        form.addRow("", self.pace_label)

        self.train_button = QPushButton(self.tr("Train"))
        self.stop_button = QPushButton(self.tr("Stop"))
        self.reset_button = QPushButton(self.tr("Reset"))
        self.step_button = QPushButton(self.tr("One mini-batch"))
        self.train_button.setToolTip(self.tr("Train, pause or resume (Space)"))
        self.stop_button.setToolTip(self.tr("Stop training; the weights stay as they are (S)"))
        self.reset_button.setToolTip(self.tr("Stop and draw new initial weights from the seed (Ctrl+R)"))
        self.step_button.setToolTip(self.tr("Apply exactly one mini-batch, then pause (B)"))
        self.train_button.clicked.connect(self.train_clicked)
        self.stop_button.clicked.connect(lambda: session.stop())
        self.reset_button.clicked.connect(self.reset_clicked)
        self.step_button.clicked.connect(self.step_clicked)
        buttons = QGridLayout()
        buttons.addWidget(self.train_button, 0, 0)
        buttons.addWidget(self.stop_button, 0, 1)
        buttons.addWidget(self.step_button, 1, 0)
        buttons.addWidget(self.reset_button, 1, 1)

        self.locked_note = QLabel(self.tr("Training runs: only η and the pace can change now. Stop (S) to change the "
                                          "rest."))
        self.locked_note.setWordWrap(True)
        self.locked_note.setStyleSheet(f"color:{theme().warn};")
        self.locked_note.hide()
        self.network_label = QLabel()
        self.network_label.setWordWrap(True)
        self.network_label.setStyleSheet(f"color: {theme().muted};")
        layout = scrolling_layout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.locked_note)
        layout.addWidget(self.network_label)
        layout.addStretch(1)
        session.state_changed.connect(self._on_state)
        session.world_changed.connect(self._on_network)
        self._on_state(session.state)
        self._on_network()

    @staticmethod
    def _select(combo: QComboBox, data) -> None:
        i = combo.findData(data)
        if i >= 0:
            combo.setCurrentIndex(i)

    def _field(self, text: str, tip: str) -> QLineEdit:
        f = QLineEdit(text)
        f.setToolTip(tip)
        number_field(f)
        return f

    # -- reading the form ----------------------------------------------------------------------
    def read_form(self) -> tuple[TrainConfig, list[ConfigError]]:
        """The form's values as a config, and every problem with them (all fields at once).

        A field that cannot be read keeps the session's value in the config and gets its error;
        readable values are checked as the session will check them (sizes against the data
        when the dataset stays)."""
        values, errors = {}, []
        for key, w, conv, what in (("sizes", self.sizes, parse_sizes, None),
                                   ("eta", self.eta, float, self.tr("{text} is not a number like 3 or 0.5")),
                                   ("batch_size", self.batch, int, self.tr("{text} is not a whole number like 10")),
                                   ("epochs", self.epochs, int, self.tr("{text} is not a whole number like 30")),
                                   ("lmbda", self.lmbda, float, self.tr("{text} is not a number like 0 or 5")),
                                   ("seed", self.seed, int, self.tr("{text} is not a whole number ≥ 0"))):
            text = w.text().strip()
            try:
                values[key] = conv(text)
            except ValueError as e:
                errors.append(ConfigError(key, str(e) if what is None else what.format(text=repr(text))))
        if values.get("seed", 0) < 0:
            errors.append(ConfigError("seed", self.tr("the seed must be ≥ 0 (got {value})").format(
                value=values.pop("seed"))))
        s = self.session
        dataset = self.dataset.currentData()
        dataset = s.config.dataset if dataset in (None, CSV_ITEM, IMAGES_ITEM) else dataset
        cfg = replace(s.config, **values, cost=self.cost.currentData(), init=self.init.currentData(),
                      dataset=dataset, delay_ms=self.delay_ms(), activation=self.activation.currentData(),
                      output=self.output.currentData(), features=form_features(self.features, dataset))
        unread = {e.field for e in errors}
        new_network = cfg.data_key != s.config.data_key or cfg.architecture != s.config.architecture
        held = s.worlds.held_bytes() if new_network else 0    # the undo list will keep the current network
        errors += [e for e in cfg.problems(s.data if cfg.data_key == s.config.data_key else None, held)
                   if e.field not in unread]
        return cfg, errors

    def config(self) -> TrainConfig:
        """The form's values; raises the first ConfigError (see :meth:`read_form` for all)."""
        cfg, errors = self.read_form()
        if errors:
            raise errors[0]
        return cfg

    def show_errors(self, errors: list[ConfigError | str]) -> None:
        """Each reason below its field (others hidden); a field's text is never changed."""
        for err in self.errors.values():
            err.hide()
        for error in errors:
            field, msg = (error.field, error.message) if isinstance(error, ConfigError) else ("sizes", str(error))
            label = self.errors.get(field)
            if label is None:
                label, msg = self.errors["sizes"], str(error)
            label.setText(msg)
            label.show()

    def show_error(self, error: ConfigError | str | None) -> None:
        self.show_errors([error] if error else [])

    def apply(self) -> bool:
        """Adopt the form's settings (a new network if the architecture changed); False if refused.
        Refused values stay in their fields, each with its reason below it."""
        cfg, errors = self.read_form()
        if errors:
            self.show_errors(errors)
            return False
        try:
            self.session.apply_config(cfg)
        except ConfigError as e:
            self.show_error(e)
            return False
        except RuntimeError as e:
            self.show_error(str(e))
            return False
        self.show_error(None)
        return True

    # -- actions -------------------------------------------------------------------------------
    def _on_enter(self) -> None:
        """Enter commits the form while nothing trains (a new network if sizes, cost, init or
        seed changed — a trained one is kept for Undo); every refused field says why."""
        if self.session.state == IDLE:
            self.apply()

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

    def _on_eta(self) -> None:
        """Enter in η while training runs: the next mini-batch uses it (or the reason it cannot)."""
        if self.session.state == IDLE:
            return
        text = self.eta.text().strip()
        try:
            value = float(text)
        except ValueError:
            self.show_error(ConfigError("eta", self.tr("{text} is not a number").format(text=repr(text))))
            return
        try:
            self.session.set_eta(value)
        except ValueError as e:   # the core's reason (η must be finite and > 0)
            self.show_error(ConfigError("eta", str(e)))
            return
        self.show_error(None)

    def delay_ms(self) -> int:
        """The pace as the run's time per mini-batch (0: full speed)."""
        return pace.delay_ms_of_rate(pace.rate_of_position(self.pace.value()))

    def _on_pace(self, position: int) -> None:
        rate = pace.rate_of_position(position)
        self.pace_label.setText(pace.describe_pace(rate, self.session.config.batch_size))
        self.session.set_delay_ms(pace.delay_ms_of_rate(rate))

    def _on_dataset(self, index: int) -> None:
        key = self.dataset.itemData(index)
        if key is not None and needs_download(key):
            self.start_download(key)
            return
        if key in (None, CSV_ITEM, IMAGES_ITEM):  # "Folder of IDX files…", "CSV file…", "Folder of images…"
            folder = ask_data_path(self, key)
            if not folder:
                self.dataset.setCurrentIndex(self._last_dataset_index)
                return
            self.dataset.insertItem(index, folder, folder)
            self.dataset.setCurrentIndex(index)
        self._last_dataset_index = self.dataset.currentIndex()
        if self.session.state == IDLE:
            self.apply()

    # -- downloads (background work on the session's workers) -----------------------------------
    def start_download(self, name: str) -> None:
        if self.download is not None:
            return
        self.download = self.session.workers.start(download_work(name), "download", connect={
            "yielded": self._on_download_progress,
            "finished": lambda folder: self._on_download_finished(name, True, done_text(name, folder)),
            "failed": lambda error: self._on_download_finished(name, False, failed_text(error)),
            "cancelled": lambda: self._on_download_finished(name, False, cancelled_text()),
        })
        self.download_bar.setValue(0)
        self.download_text.setText(self.tr("Downloading {name}…").format(name=name))
        self.download_row.show()
        self.dataset.setEnabled(False)

    def cancel_download(self) -> None:
        if self.download is not None:
            self.download.cancel()

    def _on_download_progress(self, items: list[DownloadProgress]) -> None:
        self.download_bar.setValue(items[-1].percent)
        self.download_text.setText(items[-1].text)

    def _on_download_finished(self, name: str, ok: bool, message: str) -> None:
        self.download = None
        self.download_row.hide()
        self.dataset.setEnabled(self.session.state == IDLE)
        self.session.report("info" if ok else "error", message)
        if ok:
            for i in range(self.dataset.count()):
                if self.dataset.itemData(i) == name:
                    self.dataset.setItemText(i, self.dataset_text(name))
                    self.dataset.setItemData(i, available_datasets()[name], Qt.ItemDataRole.ToolTipRole)
            self._last_dataset_index = self.dataset.currentIndex()
            if self.session.state == IDLE:
                self.apply()
        else:
            self.dataset.setCurrentIndex(self._last_dataset_index)

    def _on_state(self, state: RunState) -> None:
        self.train_button.setText({IDLE: self.tr("Train"), RUNNING: self.tr("Pause"), PAUSED: self.tr("Resume"),
                                   STOPPING: self.tr("Stopping…")}[state])
        self.train_button.setEnabled(state != STOPPING)
        idle = state == IDLE
        for w in (self.sizes, self.batch, self.epochs, self.lmbda, self.cost, self.init, self.seed, self.dataset,
                  self.activation, self.output):
            w.setEnabled(idle)
        self.features.setEnabled(idle and is_plane_name(self.session.config.dataset))
        self.locked_note.setVisible(not idle)
        self.stop_button.setEnabled(not idle)

    def _on_network(self) -> None:
        """A new world: the form shows its settings (a loaded model brings its own η, λ, m …)."""
        s = self.session
        net, c = s.network, s.config
        for w, text in ((self.sizes, ",".join(map(str, net.sizes))), (self.eta, f"{c.eta:g}"),
                        (self.batch, str(c.batch_size)), (self.epochs, str(c.epochs)), (self.lmbda, f"{c.lmbda:g}"),
                        (self.seed, str(c.seed))):
            w.setText(text)
        self._select(self.cost, net.cost.name)
        self._select(self.init, net.init)
        self._select(self.activation, net.activation.name)
        self._select(self.output, net.output)
        self.features.setText(",".join(s.data.features) if s.data.is_plane else "")
        self.features.setEnabled(s.data.is_plane and s.state == IDLE)
        if self.dataset.findData(c.dataset) < 0:   # e.g. a CSV file or 2-D settings opened with a model
            self.dataset.insertItem(self.dataset.count() - 3, c.dataset, c.dataset)
        self._select(self.dataset, c.dataset)
        self._last_dataset_index = self.dataset.currentIndex()
        self.show_error(None)
        self.network_label.setText(
            self.tr("Network {sizes} · {cost} · {init} · {n} parameters.\nData: {data}, {train} training and "
                    "{test} test samples.").format(
                sizes=list(net.sizes), cost=cost_label(net.cost.name), init=init_label(net.init),
                n=f"{net.num_parameters:,}", data=dataset_title(s.data.name), train=f"{len(s.data.train):,}",
                test=f"{len(s.data.test):,}") + data_note(net, s.data))

    def dataset_text(self, key: str) -> str:
        """The dataset's name as the field shows it, saying when choosing it downloads."""
        title = dataset_title(key)
        return self.tr("{name} (download)").format(name=title) if needs_download(key) else title
