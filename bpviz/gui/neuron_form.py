"""The Train panel's choices of issue 19: hidden neurons, output layer, a 2-D set's input features,
and the file dialogs that bring your own data (a CSV file, a folder of images)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QFileDialog, QLineEdit, QWidget

from bpviz.core.costs import COST_OUTPUT
from bpviz.data.plane import FEATURES, is_plane_name

#: Items of the dataset list that open a file dialog (the IDX folder item's data is None).
CSV_ITEM = "\x00csv"
IMAGES_ITEM = "\x00images"


def neuron_widgets(panel) -> tuple[QComboBox, QComboBox, QLineEdit]:
    """(activation, output, features) widgets for ``panel`` (a TrainPanel with a ``cost`` combo).

    Choosing softmax selects the log-likelihood cost and choosing that cost selects softmax (the
    pair of chapter 3, shown in both fields); choosing σ outputs with the log-likelihood cost
    selects the quadratic cost back."""
    activation = QComboBox()
    activation.addItem(QCoreApplication.translate("NeuronForm", "Sigmoid σ (the seed's)"), "sigmoid")
    activation.addItem(QCoreApplication.translate("NeuronForm", "tanh"), "tanh")
    activation.addItem(QCoreApplication.translate("NeuronForm", "ReLU max(0, z)"), "relu")
    activation.setToolTip(QCoreApplication.translate("NeuronForm", "The neurons of the hidden layers. σ(z) = 1/(1 + e^−z), σ′ ≤ 0.25; tanh(z) in (−1, 1), "
                              "tanh′ = 1 − a² ≤ 1; ReLU: a = max(0, z), ReLU′ is 1 for z > 0 and 0 otherwise "
                              "(a neuron that is off passes no error back).\nBP2 multiplies by f′(z) of the "
                              "neuron chosen here."))
    output = QComboBox()
    output.addItem(QCoreApplication.translate("NeuronForm", "Sigmoid σ"), "sigmoid")
    output.addItem(QCoreApplication.translate("NeuronForm", "Softmax (log-likelihood cost)"), "softmax")
    output.setToolTip(QCoreApplication.translate("NeuronForm", "The output layer. Softmax outputs are positive and add up to 1; with the log-likelihood "
                          "cost C = −ln aᴸ_y, BP1 is δᴸ = aᴸ − y (chapter 3)."))
    features = QLineEdit()
    features.setToolTip(QCoreApplication.translate("NeuronForm", "2-D datasets only: what the input neurons see of each point (x₁, x₂), separated by "
                            "commas, from {names}. The input layer gets one neuron per feature.").format(
        names=", ".join(FEATURES)))
    features.setPlaceholderText("x1,x2")
    cost = panel.cost

    def on_output(_i: int) -> None:
        want = output.currentData()
        if COST_OUTPUT.get(cost.currentData()) != want:
            cost.setCurrentIndex(cost.findData("log-likelihood" if want == "softmax" else "quadratic"))

    def on_cost(_i: int) -> None:
        want = COST_OUTPUT.get(cost.currentData())
        if want and output.currentData() != want:
            output.setCurrentIndex(output.findData(want))

    output.activated.connect(on_output)
    cost.activated.connect(on_cost)
    return activation, output, features


def form_features(field: QLineEdit, dataset: str) -> str:
    """The features field's text for a 2-D set ("" otherwise: features belong to 2-D sets only)."""
    return field.text().strip() if is_plane_name(dataset) else ""


def ask_data_path(parent: QWidget, item) -> str:
    """Ask for an IDX folder (item None), a CSV file or a folder of class folders of images; "" if cancelled."""
    start = parent.window().user_folder() if hasattr(parent.window(), "user_folder") else str(Path.home())
    if item == CSV_ITEM:
        path, _ = QFileDialog.getOpenFileName(parent, QCoreApplication.translate("NeuronForm", "A table: header row, numeric columns, the label last"),
                                              start, QCoreApplication.translate("NeuronForm", "CSV files (*.csv *.tsv *.txt);;All files (*)"))
        return path
    if item == IMAGES_ITEM:
        return QFileDialog.getExistingDirectory(parent, QCoreApplication.translate("NeuronForm", "A folder with one sub-folder of PNG/JPEG images per "
                                                            "class"), start)
    return QFileDialog.getExistingDirectory(parent, QCoreApplication.translate("NeuronForm", "Folder with the four IDX files"), start)


def data_note(network, data) -> str:
    """Lines for the Train panel's summary: the neurons when they are not the seed's, and a table's
    standardisation (each column's training mean and standard deviation), or "" for neither."""
    out = ""
    if network.activation.name != "sigmoid" or network.output != "sigmoid":
        out += "\n" + QCoreApplication.translate("NeuronForm", "Neurons: {hidden} in the hidden layers, {output} "
                                                              "output layer.").format(
            hidden=network.activation.name, output=network.output)
    if data.kind == "table" and data.mean is not None:
        cols = ", ".join(f"{f} ({m:.4g} ± {s:.4g})" for f, m, s in zip(data.features, data.mean, data.std))
        out += "\n" + QCoreApplication.translate("NeuronForm", "Inputs standardised with the training rows' mean ± "
                                                              "standard deviation: {columns}.").format(columns=cols)
    return out
