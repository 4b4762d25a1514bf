import numpy as np
import pytest

from bpviz.core import load_network
from bpviz.data import assets_dir, load_dataset
from bpviz.data.preprocess import CENTRE, centre_of_mass, mnist_like, resize_area


def _stroke_canvas(r0, c0, h, w, size=280):
    """A synthetic off-centre, odd-sized shape: an L of thick strokes."""
    img = np.zeros((size, size))
    img[r0 : r0 + h, c0 : c0 + 12] = 1.0
    img[r0 + h - 12 : r0 + h, c0 : c0 + w] = 1.0
    return img


@pytest.mark.parametrize("r0, c0, h, w", [(10, 10, 60, 40), (150, 200, 120, 70), (30, 170, 240, 100), (100, 5, 20, 200)])
def test_off_centre_strokes_are_normalised_like_mnist(r0, c0, h, w):
    out = mnist_like(_stroke_canvas(r0, c0, h, w))
    assert out.shape == (28, 28) and out.dtype == np.float32
    assert 0 <= out.min() and out.max() <= 1
    cy, cx = centre_of_mass(out)
    assert abs(cy - CENTRE) <= 0.5 and abs(cx - CENTRE) <= 0.5
    rows = np.flatnonzero(out.any(axis=1))
    cols = np.flatnonzero(out.any(axis=0))
    assert max(rows[-1] - rows[0] + 1, cols[-1] - cols[0] + 1) == 20  # the longer side fits 20 px
    assert rows[-1] - rows[0] + 1 <= 20 and cols[-1] - cols[0] + 1 <= 20


def test_mnist_puts_the_centre_of_mass_where_we_do():
    test = load_dataset().test
    com = np.array([centre_of_mass(test.image(i)) for i in range(1000)])
    np.testing.assert_allclose(com.mean(axis=0), (CENTRE, CENTRE), atol=0.05)


def test_blank_canvas_gives_no_image():
    assert mnist_like(np.zeros((280, 280))) is None
    assert mnist_like(np.full((280, 280), 0.01)) is None
    with pytest.raises(ValueError):
        mnist_like(np.zeros(10))


def test_mnist_digits_moved_and_scaled_on_a_canvas_come_back():
    """Place real test digits at other positions and scales on a 280×280 canvas: the
    preprocessed image is close to the original and the shipped model agrees on its class."""
    test = load_dataset().test
    net, _ = load_network(assets_dir() / "models" / "mnist-784-100-10-ce.npz")
    rng = np.random.default_rng(0)
    n, diffs, back = 300, [], []
    for i in range(n):
        x = test.image(i)
        s = int(rng.integers(150, 261))
        canvas = np.zeros((280, 280))
        r0, c0 = rng.integers(0, 280 - s + 1, size=2)
        canvas[r0 : r0 + s, c0 : c0 + s] = np.clip(resize_area(x, (s, s)), 0, 1)
        back.append(mnist_like(canvas).ravel())
        diffs.append(np.abs(back[-1] - x.ravel()).mean())
    back = np.array(back)
    # measured: mean absolute pixel difference ≈ 0.008; 99.7 % classified the same
    assert np.mean(diffs) < 0.02
    same = np.mean(net.predict(back) == net.predict(test.x[:n]))
    assert same >= 0.98, same


def test_resize_area_preserves_mean_and_is_identity_at_scale_one():
    img = np.random.default_rng(0).random((37, 23))
    np.testing.assert_allclose(resize_area(img, (37, 23)), img)
    small = resize_area(img, (10, 7))
    assert small.mean() == pytest.approx(img.mean())
