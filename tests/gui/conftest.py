"""Fixtures for GUI tests: small data, sessions that are always shut down, isolated settings."""

from __future__ import annotations

import numpy as np
import pytest

from bpviz.data import Dataset, DataSplits, load_dataset


@pytest.fixture(scope="session")
def mnist():
    return load_dataset()


@pytest.fixture(scope="session")
def small_mnist(mnist):
    """2,000 training and 500 test images: quick epochs."""
    return DataSplits("mnist-small", mnist.train.subset(2000), mnist.test.subset(500), class_names=mnist.class_names)


@pytest.fixture(scope="session")
def toy_data():
    """Two inputs, two classes (for the [2,3,2] net)."""
    rng = np.random.default_rng(0)
    x = rng.random((400, 2)).astype(np.float32)
    labels = (x[:, 0] > x[:, 1]).astype(np.int64)
    tr = Dataset(x[:300], labels[:300], "toy train", ("0", "1"))
    te = Dataset(x[300:], labels[300:], "toy test", ("0", "1"))
    return DataSplits("toy", tr, te, class_names=("0", "1"))


@pytest.fixture
def make_window(qtbot, small_mnist):
    """make_window(sizes=..., data=..., **config) → MainWindow; shut down after the test."""
    from bpviz.gui.main_window import MainWindow
    from bpviz.gui.session import Session, TrainConfig

    windows = []

    def make(sizes=(784, 30, 10), data=None, **kw):
        data = data if data is not None else small_mnist
        session = Session(TrainConfig(sizes=tuple(sizes), **kw), data=data)
        w = MainWindow(session)
        qtbot.addWidget(w)
        w.resize(1300, 850)
        windows.append(w)
        return w

    yield make
    for w in windows:
        w.session.shutdown()
        assert w.session.job is None


def activate(qtbot, window) -> None:
    """Show and activate a window: keyboard shortcuts only fire in the active window."""
    from PySide6.QtWidgets import QApplication

    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)


def type_into(field, text: str) -> None:
    """Replace a field's text as a user does (select all, type, Enter)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    field.selectAll()
    QTest.keyClicks(field, text)
    QTest.keyClick(field, Qt.Key.Key_Return)
