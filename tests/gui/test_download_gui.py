"""Choosing full MNIST in the dataset list downloads it in a thread with progress and Cancel."""

import hashlib
from dataclasses import replace

import pytest

import bpviz.data.download as dl
from tests.httpserver import FILES


@pytest.fixture
def tiny_mnist(monkeypatch, server):
    """Make 'mnist' the tiny files served by the local server."""
    files = tuple(dl.RemoteFile(n, hashlib.md5(b).hexdigest(), len(b)) for n, b in FILES.items())

    def use(mode):
        monkeypatch.setattr(dl, "MNIST", replace(dl.MNIST, files=files, mirrors=(server.url(mode),)))
    return use


def _choose(panel, key):
    i = panel.dataset.findData(key)
    assert i >= 0, [panel.dataset.itemText(k) for k in range(panel.dataset.count())]
    panel.dataset.setCurrentIndex(i)
    panel._on_dataset(i)


def test_download_then_train_on_it(qtbot, make_window, tiny_mnist):
    tiny_mnist("good")
    w = make_window()
    panel = w.train_panel
    assert "download" in panel.dataset.itemText(panel.dataset.findData("mnist"))
    _choose(panel, "mnist")
    assert panel.download_row.isVisibleTo(panel)
    qtbot.waitUntil(lambda: panel.download is None, timeout=10000)
    assert w.session.data.name == "mnist" and len(w.session.data.train) == 120
    assert w.message_bar.level == "info" and "verified" in w.message_bar.label.text()
    assert "download" not in panel.dataset.itemText(panel.dataset.findData("mnist"))


def test_cancel_keeps_nothing_and_restores_the_choice(qtbot, make_window, tiny_mnist, tmp_path):
    tiny_mnist("slow")
    w = make_window()
    panel = w.train_panel
    before = panel.dataset.currentData()
    _choose(panel, "mnist")
    panel.cancel_download_button.click()
    qtbot.waitUntil(lambda: panel.download is None, timeout=10000)
    assert "cancelled" in w.message_bar.label.text()
    assert panel.dataset.currentData() == before and w.session.data.name != "mnist"
    folder = dl.data_dir() / "mnist"
    assert not folder.exists() or list(folder.iterdir()) == []


def test_offline_gives_one_clear_message(qtbot, make_window, tiny_mnist):
    tiny_mnist("missing")
    w = make_window()
    panel = w.train_panel
    _choose(panel, "mnist")
    qtbot.waitUntil(lambda: panel.download is None, timeout=10000)
    assert w.message_bar.level == "error"
    assert "bundled MNIST subset still works" in w.message_bar.label.text()


def test_closing_the_window_during_a_download(qtbot, make_window, tiny_mnist):
    tiny_mnist("slow")
    w = make_window()
    panel = w.train_panel
    _choose(panel, "mnist")
    thread = panel.download.thread
    w.close()
    assert not thread.isRunning() and panel.download is None
