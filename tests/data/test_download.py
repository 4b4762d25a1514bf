"""Downloads against a local HTTP server on 127.0.0.1 that the tests start themselves:
good files, a wrong checksum, a truncated body, a slow server, a 404, cancelling, caching."""

import hashlib
import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest

from bpviz.data import load_dataset, read_idx
from bpviz.data.datasets import needs_download
from bpviz.data.download import (
    CHUNK,
    DownloadCancelled,
    DownloadError,
    RemoteDataset,
    RemoteFile,
    data_dir,
    fetch,
    is_cached,
)
from tests.httpserver import FILES, _files


def _spec(sizes=True):
    return RemoteDataset(
        "tiny", "a tiny test set",
        tuple(RemoteFile(n, hashlib.md5(b).hexdigest(), len(b) if sizes else None) for n, b in FILES.items()),
        mirrors=())


def _leftovers(folder: Path):
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_good_files_land_verified_and_load(server, tmp_path):
    folder = fetch(_spec(), root=tmp_path, mirrors=(server.url("good"),))
    assert _leftovers(folder) == sorted(FILES)
    for name, body in FILES.items():
        assert (folder / name).read_bytes() == body
    assert read_idx(folder / "t10k-labels-idx1-ubyte.gz").shape == (30,)
    data = load_dataset(folder)
    assert len(data.train) == 120 and len(data.test) == 30


@pytest.mark.parametrize("mode, message", [("badsum", "checksum mismatch"), ("trunc", "broke off|truncated"),
                                           ("missing", "HTTP 404")])
def test_bad_downloads_are_rejected_and_leave_nothing(server, tmp_path, mode, message):
    with pytest.raises(DownloadError, match=message) as info:
        fetch(_spec(), root=tmp_path, mirrors=(server.url(mode),))
    assert "offline" in str(info.value) and "bundled MNIST subset still works" in str(info.value)
    assert _leftovers(tmp_path / "tiny") == []


def test_unknown_size_truncation_is_still_caught_by_the_checksum(server, tmp_path):
    with pytest.raises(DownloadError):
        fetch(_spec(sizes=False), root=tmp_path, mirrors=(server.url("trunc"),))
    assert _leftovers(tmp_path / "tiny") == []


def test_a_slow_server_times_out(server, tmp_path):
    t = time.perf_counter()
    with pytest.raises(DownloadError, match="no answer within 0.3 s|timed out"):
        fetch(_spec(), root=tmp_path, mirrors=(server.url("slow"),), timeout=0.3)
    assert time.perf_counter() - t < 1.4
    assert _leftovers(tmp_path / "tiny") == []


def test_the_second_mirror_is_used_after_the_first_fails(server, tmp_path):
    fetch(_spec(), root=tmp_path, mirrors=(server.url("missing"), server.url("good")))
    first = server.requests[:2]
    assert first[0].startswith("/missing/") and first[1].startswith("/good/")
    assert _leftovers(tmp_path / "tiny") == sorted(FILES)


def test_a_second_fetch_makes_no_request_and_a_damaged_file_is_replaced(server, tmp_path):
    spec = _spec()
    fetch(spec, root=tmp_path, mirrors=(server.url("good"),))
    server.requests.clear()
    fetch(spec, root=tmp_path, mirrors=(server.url("good"),))
    assert server.requests == []
    damaged = tmp_path / "tiny" / "train-labels-idx1-ubyte.gz"
    damaged.write_bytes(b"garbage")
    fetch(spec, root=tmp_path, mirrors=(server.url("good"),))
    assert server.requests == ["/good/train-labels-idx1-ubyte.gz"]
    assert damaged.read_bytes() == FILES["train-labels-idx1-ubyte.gz"]


def test_cancelling_leaves_nothing(server, tmp_path):
    cancel = threading.Event()
    seen = []

    def progress(name, got, size, done, total):
        seen.append((name, got, size, done, total))
        cancel.set()

    with pytest.raises(DownloadCancelled):
        fetch(_spec(), root=tmp_path, mirrors=(server.url("good"),), progress=progress, cancel=cancel)
    assert seen and seen[0][0] == "train-images-idx3-ubyte.gz" and seen[0][1] <= CHUNK and seen[0][4] == 4
    assert _leftovers(tmp_path / "tiny") == []


def test_cache_folder_follows_env_and_xdg(monkeypatch, tmp_path):
    monkeypatch.setenv("BPVIZ_DATA_DIR", str(tmp_path / "x"))
    assert data_dir() == tmp_path / "x"
    monkeypatch.delenv("BPVIZ_DATA_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert data_dir() == tmp_path / "cache" / "bpviz"


def test_full_mnist_is_split_like_the_book(monkeypatch, tmp_path, server):
    """With the files in the cache, 'mnist' gives 50,000 / 10,000 / 10,000 (here scaled down)."""
    import bpviz.data.download as dl

    files = _files(n_train=60, n_test=10)
    monkeypatch.setattr(dl, "MNIST", replace(dl.MNIST, files=tuple(
        RemoteFile(n, hashlib.md5(b).hexdigest(), len(b)) for n, b in files.items())))
    assert needs_download("mnist", tmp_path)
    with pytest.raises(Exception, match="not downloaded yet"):
        load_dataset("mnist", root=tmp_path)
    (tmp_path / "mnist").mkdir()
    for n, b in files.items():
        (tmp_path / "mnist" / n).write_bytes(b)
    assert is_cached(dl.MNIST, tmp_path) and not needs_download("mnist", tmp_path)
    data = load_dataset("mnist", root=tmp_path)
    assert len(data.train) == 60 and len(data.validation) == 0 and len(data.test) == 10
