"""The 2-D sets: seeded, the settings do what they say, features are the formulas, points edit."""

import numpy as np
import pytest

from bpviz.data import load_dataset
from bpviz.data.plane import (
    KINDS,
    PlaneSpec,
    add_point,
    clear_points,
    feature_matrix,
    make_points,
    nearest_point,
    parse_features,
    plane_dataset,
    remove_point,
    with_features,
)


@pytest.mark.parametrize("kind", KINDS)
def test_each_set_is_seeded_split_and_labelled(kind):
    spec = PlaneSpec(kind, points=300, seed=4, test_fraction=0.25)
    d1, d2 = plane_dataset(spec), plane_dataset(spec)
    assert np.array_equal(d1.train.points, d2.train.points) and np.array_equal(d1.test.labels, d2.test.labels)
    other = plane_dataset(spec.with_(seed=5))
    assert not np.array_equal(d1.train.points, other.train.points)
    assert len(d1.train) + len(d1.test) == 300 and len(d1.test) == 75
    assert set(np.unique(d1.train.labels)) == set(range(d1.n_classes))
    np.testing.assert_array_equal(d1.train.x, d1.train.points.astype(np.float32))
    assert d1.is_plane and d1.input_size == 2


def test_the_shapes_are_what_their_names_say():
    P, y = make_points(PlaneSpec("circles", points=1000, noise=0))
    r = np.hypot(*P.T)
    assert r[y == 0].max() <= 1.5 + 1e-9 and r[y == 1].min() >= 2.1 - 1e-9
    P, y = make_points(PlaneSpec("quadrants", points=1000, noise=0))
    np.testing.assert_array_equal(y, (P[:, 0] * P[:, 1] < 0).astype(int))
    P, y = make_points(PlaneSpec("blobs", classes=4, points=400, noise=0))
    assert len(np.unique(y)) == 4 and all(np.ptp(P[y == c], axis=0).max() < 1e-12 for c in range(4))
    P, y = make_points(PlaneSpec("spiral", points=400, noise=0))
    # the two spirals are each other turned by half a turn
    a = np.sort(np.round(np.hypot(*P[y == 0].T), 9))
    b = np.sort(np.round(np.hypot(*P[y == 1].T), 9))
    np.testing.assert_allclose(a, b)


def test_noise_moves_points():
    a, _ = make_points(PlaneSpec("moons", points=500, noise=0))
    b, _ = make_points(PlaneSpec("moons", points=500, noise=0.5))
    spread = np.std(b - a)
    assert 0.4 < spread < 0.6


def test_spec_strings_round_trip_and_refuse_nonsense():
    spec = PlaneSpec("blobs", points=250, noise=0.3, seed=2, test_fraction=0.3, classes=3)
    assert PlaneSpec.parse(spec.to_string()) == spec
    assert PlaneSpec("spiral").to_string() == "spiral"
    assert load_dataset(spec.to_string()).n_classes == 3
    for bad in ("spiral?classes=3", "circles?points=2", "circles?noise=-1", "circles?wobble=1",
                "circles?points=many", "circles?test_fraction=1", "hexagons"):
        with pytest.raises(ValueError):
            PlaneSpec.parse(bad)


def test_features_are_their_formulas():
    P = np.array([[0.5, -2.0], [1.5, 0.25]])
    X = feature_matrix(P, parse_features("x1,x2,x1^2,x2²,x1x2,sin x1,sin(x2)"), np.float64)
    expect = np.stack([P[:, 0], P[:, 1], P[:, 0] ** 2, P[:, 1] ** 2, P[:, 0] * P[:, 1],
                       np.sin(P[:, 0]), np.sin(P[:, 1])], axis=1)
    np.testing.assert_array_equal(X, expect)
    with pytest.raises(ValueError, match="cos"):
        parse_features("x1,cos")
    with pytest.raises(ValueError, match="twice"):
        parse_features("x1,x1")
    d = load_dataset("circles", features="x1,x2,x1x2")
    assert d.input_size == 3 and d.features == ("x1", "x2", "x1x2")
    d2 = with_features(d, "x1^2,x2^2")
    np.testing.assert_array_equal(d2.test.x, (d.test.points ** 2).astype(np.float32))


def test_adding_and_removing_points():
    d = load_dataset("moons", features="x1,x2,x1x2")
    n = len(d.train)
    d2 = add_point(d, (1.0, -0.5), 1)
    assert len(d2.train) == n + 1 and len(d.train) == n        # the old data are unchanged
    np.testing.assert_array_equal(d2.train.points[-1], [1.0, -0.5])
    np.testing.assert_array_equal(d2.train.x[-1], np.float32([1.0, -0.5, -0.5]))
    assert d2.train.labels[-1] == 1
    part, i, dist = nearest_point(d2, (1.01, -0.5))
    assert (part, i) == ("train", n) and dist == pytest.approx(0.01)
    d3 = remove_point(d2, part, i)
    np.testing.assert_array_equal(d3.train.points, d.train.points)
    with pytest.raises(ValueError):
        add_point(d, (0, 0), 2)
    with pytest.raises(ValueError):
        add_point(d, (np.nan, 0), 0)
    c = clear_points(d)
    assert len(c.train) == 0 and len(c.test) == len(d.test)
    assert len(add_point(c, (0, 0), 0).train) == 1
