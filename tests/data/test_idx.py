import gzip
import struct

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bpviz.data import IDXError, read_idx


def idx_bytes(arr: np.ndarray, code: int = 0x08) -> bytes:
    head = bytes([0, 0, code, arr.ndim]) + struct.pack(f">{arr.ndim}I", *arr.shape)
    return head + arr.astype(arr.dtype.newbyteorder(">")).tobytes()


@pytest.mark.parametrize("compress", [False, True])
def test_round_trip_uint8_and_float(tmp_path, compress):
    arr = np.arange(2 * 3 * 4, dtype=np.uint8).reshape(2, 3, 4)
    f = np.linspace(-1, 1, 6).astype(np.float32).reshape(3, 2)
    for name, a, code in [("u", arr, 0x08), ("f", f, 0x0D)]:
        data = idx_bytes(a, code)
        p = tmp_path / (name + (".gz" if compress else ""))
        p.write_bytes(gzip.compress(data) if compress else data)
        out = read_idx(p)
        np.testing.assert_array_equal(out, a)
        assert out.dtype.isnative


def test_bundled_files_read(tmp_path):
    from bpviz.data import assets_dir

    images = read_idx(assets_dir() / "mnist" / "t10k-images-idx3-ubyte.gz")
    labels = read_idx(assets_dir() / "mnist" / "t10k-labels-idx1-ubyte.gz")
    assert images.shape == (10000, 28, 28) and images.dtype == np.uint8
    assert labels.shape == (10000,) and labels[:5].tolist() == [7, 2, 1, 0, 4]


@pytest.mark.parametrize("content, message", [
    (b"\x01\x00\x08\x01" + b"\x00\x00\x00\x01" + b"\x00", "bad magic"),
    (b"\x00\x00\x07\x01" + b"\x00\x00\x00\x01" + b"\x00", "type code 0x07"),
    (b"\x00\x00\x08\x09" + b"\x00" * 40, "dimensions 9"),
    (b"\x00\x00\x08\x00", "dimensions 0"),
    (b"\x00\x00", "truncated header"),
    (b"\x00\x00\x08\x01\x00\x00", "truncated header"),
    (b"\x00\x00\x08\x01" + b"\x00\x00\x00\x05" + b"abc", "truncated"),
    (b"\x00\x00\x08\x01" + b"\x00\x00\x00\x02" + b"abc", "trailing"),
    (b"\x00\x00\x0e\x03" + b"\xff\xff\xff\xff" * 3, "more than"),
])
@pytest.mark.parametrize("compress", [False, True])
def test_corrupt_headers_raise_a_clear_error(tmp_path, content, message, compress):
    p = tmp_path / ("bad.gz" if compress else "bad")
    p.write_bytes(gzip.compress(content) if compress else content)
    with pytest.raises(IDXError, match=message) as info:
        read_idx(p)
    assert str(p) in str(info.value)


def test_corrupt_gzip_stream(tmp_path):
    good = gzip.compress(idx_bytes(np.zeros((50, 50), dtype=np.uint8)))
    p = tmp_path / "cut.gz"
    p.write_bytes(good[: len(good) - 12])
    with pytest.raises(IDXError, match="cut.gz"):
        read_idx(p)
    p.write_bytes(good[:10] + bytes(b ^ 0x5A for b in good[10:30]) + good[30:])
    with pytest.raises(IDXError, match="cut.gz"):
        read_idx(p)
    with pytest.raises(IDXError, match="no such file"):
        read_idx(tmp_path / "nope")


VALID = idx_bytes(np.arange(60, dtype=np.uint8).reshape(3, 4, 5))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_fuzzed_files_return_correct_arrays_or_raise_idxerror(tmp_path_factory, data):
    """Mutated headers, truncations and appended bytes: a correct array or IDXError, nothing else."""
    raw = bytearray(VALID)
    for _ in range(data.draw(st.integers(0, 4))):
        pos = data.draw(st.integers(0, len(raw) - 1))
        raw[pos] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(0, len(raw) + 3))
    raw = raw[:cut] + bytes(data.draw(st.binary(max_size=3))) if cut > len(raw) else raw[:cut]
    compress = data.draw(st.booleans())
    p = tmp_path_factory.mktemp("fuzz") / ("f.gz" if compress else "f")
    p.write_bytes(gzip.compress(bytes(raw)) if compress else bytes(raw))
    try:
        out = read_idx(p)
    except IDXError:
        return
    # accepted: it must then be exactly what the (possibly mutated) header and data say
    ndim = raw[3]
    dims = struct.unpack(f">{ndim}I", bytes(raw[4 : 4 + 4 * ndim]))
    assert out.shape == dims
    assert out.nbytes == len(raw) - 4 - 4 * ndim
