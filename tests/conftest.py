"""Test configuration shared by every test folder.

Qt needs a platform before QApplication exists; with no display it aborts (exit 134), so
the offscreen platform is set here, before pytest-qt creates the application.
"""

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _isolated_user_folders(tmp_path, monkeypatch):
    """No test reads or writes the user's real settings or download cache."""
    monkeypatch.setenv("BPVIZ_DATA_DIR", str(tmp_path / "bpviz-data"))
    monkeypatch.setenv("BPVIZ_SETTINGS", str(tmp_path / "settings.ini"))


@pytest.fixture
def server():
    """A local HTTP server on 127.0.0.1 (tests/httpserver.py); stopped after the test."""
    from tests.httpserver import _Server

    s = _Server()
    yield s
    s.close()
