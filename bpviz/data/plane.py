"""Two-dimensional datasets for small networks: points (x₁, x₂) in the plane and their classes.

Five families, each seeded, with a number of points, a noise level and a train/test split:

* ``circles``: a disc of one class inside a ring of the other;
* ``quadrants``: noisy XOR — the class is whether x₁ and x₂ have the same sign;
* ``spiral``: two interleaved spirals;
* ``blobs``: 2–4 Gaussian clusters, one class each;
* ``moons``: two interleaved half circles.

Points lie in about [−:data:`EXTENT`, :data:`EXTENT`]² (noise can push a few outside). The
network does not see (x₁, x₂) itself but a row of input *features* of it, chosen from
x₁, x₂, x₁², x₂², x₁x₂, sin x₁, sin x₂ (:data:`FEATURES`): each is one input neuron.

A set is named by a spec string, e.g. ``"spiral"`` or ``"blobs?classes=3&noise=0.4&points=300"``
(:class:`PlaneSpec`): a dataset name in the settings and model files says exactly how to
regenerate the same points. Pure NumPy.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from bpviz.data.splits import Dataset, DataSplits, split_indices
from bpviz.i18n import translate

#: The plane the points live in: about [−EXTENT, EXTENT] on both axes.
EXTENT = 3.0
KINDS = ("circles", "quadrants", "spiral", "blobs", "moons")
#: Noise (standard deviation of the Gaussian jitter added to each coordinate) by default.
DEFAULT_NOISE = {"circles": 0.15, "quadrants": 0.15, "spiral": 0.1, "blobs": 0.5, "moons": 0.15}
MAX_POINTS = 100_000

#: Feature name → function of the points P (n, 2) giving one column (n,). The canonical names.
FEATURES: dict[str, object] = {
    "x1": lambda P: P[:, 0],
    "x2": lambda P: P[:, 1],
    "x1^2": lambda P: P[:, 0] ** 2,
    "x2^2": lambda P: P[:, 1] ** 2,
    "x1x2": lambda P: P[:, 0] * P[:, 1],
    "sin(x1)": lambda P: np.sin(P[:, 0]),
    "sin(x2)": lambda P: np.sin(P[:, 1]),
}
#: How each feature is written on screen.
FEATURE_LABELS = {"x1": "x₁", "x2": "x₂", "x1^2": "x₁²", "x2^2": "x₂²", "x1x2": "x₁x₂",
                  "sin(x1)": "sin x₁", "sin(x2)": "sin x₂"}
_ALIASES = {"x1sq": "x1^2", "x1²": "x1^2", "x2sq": "x2^2", "x2²": "x2^2", "x1*x2": "x1x2", "x2x1": "x1x2",
            "sinx1": "sin(x1)", "sin x1": "sin(x1)", "sin(x₁)": "sin(x1)", "sinx2": "sin(x2)",
            "sin x2": "sin(x2)", "x₁": "x1", "x₂": "x2"}
DEFAULT_FEATURES = ("x1", "x2")


def parse_features(features: str | Sequence[str] | None) -> tuple[str, ...]:
    """Canonical feature names from ``"x1,x2,x1x2"`` or a sequence; ValueError naming an unknown one."""
    if features is None:
        return DEFAULT_FEATURES
    parts = [p.strip() for p in features.split(",")] if isinstance(features, str) else [str(p).strip() for p in features]
    out: list[str] = []
    for p in parts:
        if not p:
            continue
        key = _ALIASES.get(p.lower(), p.lower())
        if key not in FEATURES:
            raise ValueError(translate("Datasets", "unknown input feature {name}; choose from {names}").format(
                name=repr(p), names=", ".join(FEATURES)))
        if key in out:
            raise ValueError(translate("Datasets", "input feature {name} is listed twice").format(name=key))
        out.append(key)
    if not out:
        raise ValueError(translate("Datasets", "choose at least one input feature from {names}").format(
            names=", ".join(FEATURES)))
    return tuple(out)


def feature_matrix(points: np.ndarray, features: Sequence[str] = DEFAULT_FEATURES,
                   dtype: type | np.dtype = np.float32) -> np.ndarray:
    """The network's input rows for points (n, 2): (n, len(features)), one column per feature."""
    P = np.asarray(points, dtype=np.float64).reshape(-1, 2)
    return np.stack([FEATURES[f](P) for f in features], axis=1).astype(dtype) if len(P) else \
        np.zeros((0, len(features)), dtype=dtype)


@dataclass(frozen=True)
class PlaneSpec:
    """How to make a 2-D set: family, number of points, noise, seed, test share, classes (blobs)."""

    kind: str = "circles"
    points: int = 400
    noise: float | None = None        # None: the family's DEFAULT_NOISE
    seed: int = 0
    test_fraction: float = 0.2
    classes: int = 2                  # blobs only: 2–4

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(translate("Datasets", "unknown 2-D dataset {name}; choose one of {names}").format(
                name=repr(self.kind), names=", ".join(KINDS)))
        if not 4 <= self.points <= MAX_POINTS:
            raise ValueError(translate("Datasets", "the number of points must lie in 4…{n} (got {got})").format(
                n=MAX_POINTS, got=self.points))
        if self.noise is not None and not (math.isfinite(self.noise) and 0 <= self.noise <= EXTENT):
            raise ValueError(translate("Datasets", "the noise must lie in 0…{max} (got {got})").format(
                max=EXTENT, got=self.noise))
        if not 0 < self.test_fraction < 1:
            raise ValueError(translate("Datasets", "the test fraction must lie between 0 and 1 (got {got})").format(
                got=self.test_fraction))
        if not 2 <= self.classes <= 4 or (self.kind != "blobs" and self.classes != 2):
            raise ValueError(translate("Datasets", "{name} has 2 classes; only blobs can have 2–4 (got {got})").format(
                name=self.kind, got=self.classes))

    @property
    def noise_level(self) -> float:
        return DEFAULT_NOISE[self.kind] if self.noise is None else float(self.noise)

    def to_string(self) -> str:
        """The spec as a dataset name: the family, then only the settings that differ from the defaults."""
        base = PlaneSpec(self.kind)
        parts = [f"{k}={getattr(self, k):g}" for k in ("points", "noise", "seed", "test_fraction", "classes")
                 if getattr(self, k) is not None and getattr(self, k) != getattr(base, k)]
        return self.kind + ("?" + "&".join(parts) if parts else "")

    @classmethod
    def parse(cls, text: str) -> PlaneSpec:
        """A spec from :meth:`to_string`'s form (``"blobs?classes=3&noise=0.4"``); ValueError if it is not one."""
        kind, _, query = str(text).strip().partition("?")
        conv = {"points": int, "noise": float, "seed": int, "test_fraction": float, "test": float, "classes": int}
        values: dict[str, object] = {}
        for item in filter(None, query.split("&")):
            key, _, value = item.partition("=")
            if key not in conv:
                raise ValueError(translate("Datasets", "{text}: unknown setting {key} (use {keys})").format(
                    text=text, key=repr(key), keys="points, noise, seed, test_fraction, classes"))
            try:
                values["test_fraction" if key == "test" else key] = conv[key](value)
            except ValueError:
                raise ValueError(translate("Datasets", "{text}: {key} must be a number (got {value})").format(
                    text=text, key=key, value=repr(value))) from None
        return cls(kind.lower(), **values)

    def with_(self, **changes) -> PlaneSpec:
        return replace(self, **changes)


def is_plane_name(name: str) -> bool:
    """True when ``name`` names a 2-D set (a family, optionally with ``?settings``)."""
    return str(name).partition("?")[0].strip().lower() in KINDS


def make_points(spec: PlaneSpec) -> tuple[np.ndarray, np.ndarray]:
    """All points of a spec, (n, 2) float64, and their classes (n,) int64, in a seeded shuffled order."""
    rng = np.random.default_rng(spec.seed)
    n, noise, R = spec.points, spec.noise_level, EXTENT
    if spec.kind == "circles":
        half = n // 2
        r = np.concatenate([rng.uniform(0, 0.5 * R, half), rng.uniform(0.7 * R, R, n - half)])
        t = rng.uniform(0, 2 * np.pi, n)
        P = np.stack([r * np.cos(t), r * np.sin(t)], axis=1)
        labels = np.repeat([0, 1], [half, n - half])
    elif spec.kind == "quadrants":
        P = rng.uniform(-R, R, (n, 2))
        P += np.where(P >= 0, 0.1, -0.1) * R       # a small margin around the axes, as in the clean XOR
        P = np.clip(P, -R, R)
        labels = (P[:, 0] * P[:, 1] < 0).astype(np.int64)
    elif spec.kind == "spiral":
        half = n // 2
        i = np.concatenate([np.arange(half), np.arange(n - half)])
        m = np.where(np.arange(n) < half, half, n - half)
        frac = i / m
        r = frac * R
        t = 1.75 * frac * 2 * np.pi + np.where(np.arange(n) < half, 0.0, np.pi)
        P = np.stack([r * np.sin(t), r * np.cos(t)], axis=1)
        labels = np.repeat([0, 1], [half, n - half])
    elif spec.kind == "blobs":
        k = spec.classes
        angles = 2 * np.pi * np.arange(k) / k + np.pi / 4
        centres = 0.6 * R * np.stack([np.cos(angles), np.sin(angles)], axis=1)
        labels = np.arange(n) % k
        P = centres[labels] + 0.0
    else:  # moons
        half = n // 2
        t = np.concatenate([rng.uniform(0, np.pi, half), rng.uniform(0, np.pi, n - half)])
        upper = np.stack([np.cos(t[:half]), np.sin(t[:half])], axis=1)
        lower = np.stack([1 - np.cos(t[half:]), 0.5 - np.sin(t[half:])], axis=1)
        P = (np.concatenate([upper, lower]) - [0.5, 0.25]) * (0.55 * R)
        labels = np.repeat([0, 1], [half, n - half])
    P = P + rng.normal(0, noise, P.shape)
    order = rng.permutation(n)
    return P[order], np.asarray(labels, dtype=np.int64)[order]


def class_names(spec: PlaneSpec) -> tuple[str, ...]:
    """The classes of a 2-D set: its colours' names (translated), blue first."""
    names = (translate("Datasets", "blue"), translate("Datasets", "orange"), translate("Datasets", "green"),
             translate("Datasets", "purple"))
    return names[:spec.classes]


def plane_descriptions() -> dict[str, str]:
    """The 2-D sets' names → a one-line description (translated)."""
    return {
        "circles": translate("Datasets", "2-D: a disc inside a ring (2 classes)"),
        "quadrants": translate("Datasets", "2-D: noisy XOR of the signs of x₁ and x₂ (2 classes)"),
        "spiral": translate("Datasets", "2-D: two interleaved spirals (2 classes)"),
        "blobs": translate("Datasets", "2-D: Gaussian blobs, 2–4 classes (blobs?classes=3)"),
        "moons": translate("Datasets", "2-D: two interleaved half moons (2 classes)"),
    }


def plane_dataset(spec: PlaneSpec | str, features: str | Sequence[str] | None = None):
    """A :class:`~bpviz.data.datasets.DataSplits` of a 2-D set: inputs are the chosen features of
    the points (float32), ``points`` keep the coordinates, ``name`` is the spec string."""
    spec = PlaneSpec.parse(spec) if isinstance(spec, str) else spec
    feats = parse_features(features)
    P, labels = make_points(spec)
    tr, te = split_indices(len(P), spec.test_fraction, spec.seed)
    names = class_names(spec)
    name = spec.to_string()

    def part(idx: np.ndarray, what: str) -> Dataset:
        return Dataset(feature_matrix(P[idx], feats), labels[idx], f"{name} {what}", names, P[idx])

    return DataSplits(name, part(tr, "train"), part(te, "test"), None, names, "synthetic", "plane", feats)


def with_features(data, features: str | Sequence[str]):
    """The same 2-D points with other input features (a new DataSplits)."""
    from dataclasses import replace as _replace

    feats = parse_features(features)

    def part(d):
        return _replace(d, x=feature_matrix(d.points, feats))

    return _replace(data, train=part(data.train), test=part(data.test), features=feats)


def add_point(data, point: Sequence[float], label: int):
    """The 2-D data with one more training point (a new DataSplits; ``data`` is unchanged)."""
    from dataclasses import replace as _replace

    if not data.is_plane:
        raise ValueError("points can only be added to a 2-D dataset")
    label = int(label)
    if not 0 <= label < data.n_classes:
        raise ValueError(f"class {label} is outside 0..{data.n_classes - 1}")
    p = np.asarray(point, dtype=np.float64).reshape(1, 2)
    if not np.all(np.isfinite(p)):
        raise ValueError("a point needs finite coordinates")
    tr = data.train
    train = _replace(tr, x=np.concatenate([tr.x, feature_matrix(p, data.features, tr.x.dtype)]),
                     labels=np.concatenate([tr.labels, [label]]), points=np.concatenate([tr.points, p]))
    return _replace(data, train=train)


def nearest_point(data, point: Sequence[float]) -> tuple[str, int, float]:
    """("train" or "test", index, distance) of the point of ``data`` nearest to ``point``."""
    p = np.asarray(point, dtype=np.float64).reshape(2)
    best = ("train", -1, math.inf)
    for part in ("train", "test"):
        P = getattr(data, part).points
        if P is not None and len(P):
            d = np.hypot(*(P - p).T)
            i = int(np.argmin(d))
            if d[i] < best[2]:
                best = (part, i, float(d[i]))
    return best


def remove_point(data, part: str, index: int):
    """The 2-D data without point ``index`` of ``part`` ("train" or "test"); a new DataSplits."""
    from dataclasses import replace as _replace

    d = getattr(data, part)
    keep = np.ones(len(d), dtype=bool)
    keep[index] = False
    return _replace(data, **{part: _replace(d, x=d.x[keep], labels=d.labels[keep], points=d.points[keep])})


def clear_points(data):
    """The 2-D data without training points (the test points stay, to measure the network on):
    what "Clear" leaves for the user to click new points into. Training refuses an empty set."""
    from dataclasses import replace as _replace

    tr = data.train
    return _replace(data, train=_replace(tr, x=tr.x[:0], labels=tr.labels[:0], points=tr.points[:0]))
