"""The quantities a lesson may ask about, evaluated on the live network (Qt-free).

A lesson never writes an answer down: it names a quantity, e.g. ``delta[3][2]``, and the
answer is computed here from the network, the data and the focus sample at the moment the
learner answers. Expressions are a small, safe subset of Python read with :mod:`ast`:

* per-sample values of the focus sample (x with label y), book numbering (layers 1..L,
  neurons from 0): ``x[k]``, ``y[j]``, ``a[l][j]``, ``z[l][j]``, ``sigma_prime[l][j]``,
  ``delta[l][j]``, ``w[l][j][k]``, ``b[l][j]``, ``dC_dw[l][j][k]``, ``dC_db[l][j]``,
  ``update_dw[l][j][k]`` and ``update_db[l][j]`` (the change one gradient-descent step on
  this sample makes, −η ∂C/∂w), and whole layers ``a[l]``, ``delta[l]``, ``dC_dw[l]`` …;
* scalars: ``cost``, ``cost_after_update``, ``prediction``, ``label``, ``L``, ``eta``,
  ``m``, ``lmbda``, ``n_params``, ``n_train``, ``accuracy`` (share of test images right), ``sizes[l]``,
  ``norm_delta[l]`` (‖δ^l‖), ``speed[l]`` (‖∂C/∂b^l‖ over the first 1,000 training images,
  as the Speed of learning view measures it by default);
* functions: ``abs``, ``norm``, ``sum``, ``max``, ``min``, ``argmax``, ``argmin`` (of a
  layer: the neuron or the weight), ``nudge_dC(w=(l, j, k), dw=…)`` / ``nudge_dC(b=(l, j),
  dw=…)`` (ΔC measured by re-running the network), ``nudge_predicted(…)`` (∂C/∂θ · Δw),
  ``gradcheck(w=(l, j, k))`` (relative error of backprop against central differences),
  ``accuracy_after(epochs=N)`` (test accuracy after N more epochs of SGD on a copy);
* numbers, ``+ − × /`` and parentheses (read by :mod:`.vocabulary`).

Every function here uses the core's own code (Trace, nudge, check_parameter, speed of
learning, sgd): a lesson's answer is exactly the number the app shows.
"""

from __future__ import annotations

import ast
import math
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from bpviz.core import Network, Trace, check_parameter, nudge, sgd, speed_of_learning
from bpviz.core.gradcheck import Parameter
from bpviz.core.learning import DEFAULT_SPEED_IMAGES
from bpviz.core.sgd import EpochDone, update_mini_batch
from bpviz.data import DataSplits
from bpviz.scene.lessons.vocabulary import (
    ARRAYS,
    FUNCTIONS,
    LAYER_SCALARS,
    NAMES,
    SCALARS,
    VECTORS,
    WORDS,
    QuantityError,
    constant,
    index_value,
    names_in,
    parse,
    suggest,
)
from bpviz.scene.notation import sub, sup

#: Training images used by speed[l]: the first ones, as many as the Speed of learning view uses by default.
SPEED_IMAGES = DEFAULT_SPEED_IMAGES


@dataclass(frozen=True)
class Where:
    """A place on the network: a neuron (l, j) or a weight (l, j, k); ``k`` None for a neuron."""

    l: int
    j: int
    k: int | None = None

    @property
    def is_weight(self) -> bool:
        return self.k is not None

    def name(self) -> str:
        if self.k is None:
            return f"neuron {self.j} of layer {self.l}"
        return f"w{sup(self.l)}{sub(self.j, self.k)}"


@dataclass(frozen=True)
class Value:
    """A number with where it lives on the network (to highlight it) and its symbol ("δ³₂")."""

    value: float
    symbol: str = ""
    where: Where | None = None


@dataclass(frozen=True, eq=False)
class Layer:
    """One layer's values: (n_l,) for neurons, (n_l, n_{l−1}) for weights."""

    values: np.ndarray
    l: int
    symbol: str

    def at(self, idx: tuple[int, ...]) -> Value:
        v = self.values
        if len(idx) != v.ndim or any(not 0 <= i < n for i, n in zip(idx, v.shape)):
            raise QuantityError(f"{self.symbol}{sup(self.l)}: index {list(idx)} is outside shape {list(v.shape)}")
        where = Where(self.l, *idx) if self.l else None
        return Value(float(v[idx]), f"{self.symbol}{sup(self.l) if self.l else ''}{sub(*idx)}", where)


@dataclass(eq=False)
class Context:
    """What the quantities are computed from: the network, the data, the focus sample x with
    its label, and the training settings. Values are computed once per context."""

    network: Network
    data: DataSplits
    x: np.ndarray          # (n_1,)
    label: int
    eta: float = 3.0
    batch_size: int = 10
    lmbda: float = 0.0
    seed: int = 0
    _cache: dict = field(default_factory=dict)

    @cached_property
    def trace(self) -> Trace:
        return self.network.trace(self.x, self.label)

    @cached_property
    def updated(self) -> Network:
        """The network after one gradient-descent step on the focus sample (core's update)."""
        net = self.network.copy()
        X = net.check_inputs(self.x[None, :])
        update_mini_batch(net, X, net.targets(np.array([self.label])), self.eta, self.lmbda, len(self.data.train))
        return net

    def layer(self, name: str, l: int) -> Layer:
        symbol, first, _ = ARRAYS[name]
        L = self.network.num_layers
        if not first <= l <= L:
            raise QuantityError(f"{name}[{l}]: layer {l} is outside {first}..{L} of a {list(self.network.sizes)} network")
        t = self.trace
        if name == "update_dw":
            v = self.updated.w(l) - self.network.w(l)
        elif name == "update_db":
            v = self.updated.b(l) - self.network.b(l)
        else:
            v = getattr(t, name)(l)
        return Layer(np.asarray(v, dtype=np.float64), l, symbol)

    def scalar(self, name: str) -> Value:
        t = self.trace
        if name == "cost":
            return Value(float(t.cost), "C")
        if name == "cost_after_update":
            return Value(float(self.updated.trace(self.x, self.label).cost), "C′")
        if name == "prediction":
            return Value(float(t.prediction), "argmax aᴸ", Where(self.network.num_layers, t.prediction))
        if name == "label":
            return Value(float(self.label), "y")
        if name == "L":
            return Value(float(self.network.num_layers), "L")
        if name == "eta":
            return Value(float(self.eta), "η")
        if name == "m":
            return Value(float(self.batch_size), "m")
        if name == "lmbda":
            return Value(float(self.lmbda), "λ")
        if name == "n_params":
            return Value(float(self.network.num_parameters), "P")
        if name == "n_train":
            return Value(float(len(self.data.train)), "n")
        if name == "accuracy":
            key = ("accuracy",)
            if key not in self._cache:
                self._cache[key] = self.network.evaluate(self.data.test.x, self.data.test.labels) / len(self.data.test)
            return Value(self._cache[key], "accuracy")
        raise QuantityError(f"unknown quantity {name!r}")

    def layer_scalar(self, name: str, l: int) -> Value:
        L = self.network.num_layers
        if name == "sizes":
            if not 1 <= l <= L:
                raise QuantityError(f"sizes[{l}]: layer {l} is outside 1..{L}")
            return Value(float(self.network.sizes[l - 1]), f"n{sub(l)}")
        if not 2 <= l <= L:
            raise QuantityError(f"{name}[{l}]: layer {l} is outside 2..{L}")
        if name == "norm_delta":
            return Value(float(np.linalg.norm(self.trace.delta(l))), f"‖δ{sup(l)}‖")
        if name == "speed":
            key = ("speed",)
            if key not in self._cache:
                n = min(SPEED_IMAGES, len(self.data.train))
                self._cache[key] = speed_of_learning(self.network, self.data.train.x[:n], self.data.train.labels[:n])
            return Value(float(self._cache[key].of(l)), f"‖∂C/∂b{sup(l)}‖")
        raise QuantityError(f"unknown quantity {name!r}")

    def parameter(self, kwargs: dict) -> Parameter:
        if "w" in kwargs:
            idx = kwargs["w"]
            if not (isinstance(idx, tuple) and len(idx) == 3):
                raise QuantityError("w= takes (l, j, k)")
            p = Parameter.weight(*idx)
        elif "b" in kwargs:
            idx = kwargs["b"]
            if not (isinstance(idx, tuple) and len(idx) == 2):
                raise QuantityError("b= takes (l, j)")
            p = Parameter.bias(*idx)
        else:
            raise QuantityError("name the parameter: w=(l, j, k) or b=(l, j)")
        try:
            p.validate(self.network)
        except (ValueError, IndexError) as e:
            raise QuantityError(str(e)) from None
        return p

    def accuracy_after(self, epochs: int) -> float:
        key = ("accuracy_after", epochs)
        if key not in self._cache:
            net = self.network.copy()
            rng = np.random.default_rng([self.seed, 2])
            last = None
            for ev in sgd(net, self.data.train, epochs=epochs, batch_size=self.batch_size, eta=self.eta,
                          lmbda=self.lmbda, rng=rng, test=self.data.test):
                if isinstance(ev, EpochDone):
                    last = ev
            self._cache[key] = float(last.test_accuracy) if last is not None else math.nan
        return self._cache[key]


# -- evaluating -------------------------------------------------------------------------------
def evaluate(text: str, ctx: Context) -> Value | Layer | Where:
    """The value of ``text`` on ``ctx``: a Value (a number, with its place when it has one),
    a Layer (a whole layer's values) or a Where (argmax/argmin of a layer)."""
    return _eval(parse(text), ctx)


def number(text: str, ctx: Context) -> Value:
    out = evaluate(text, ctx)
    if not isinstance(out, Value):
        raise QuantityError(f"{text!r} is not a single number")
    return out


def _subscripts(node: ast.AST) -> tuple[str, list[int]]:
    idx = []
    while isinstance(node, ast.Subscript):
        idx.append(index_value(node.slice))
        node = node.value
    if not isinstance(node, ast.Name):
        raise QuantityError(f"{ast.unparse(node)!r} cannot be indexed")
    return node.id, idx[::-1]


def _eval(node: ast.AST, ctx: Context):
    if isinstance(node, ast.Constant):
        return Value(float(node.value))
    if isinstance(node, (ast.Name, ast.Subscript)):
        name, idx = _subscripts(node)
        if name in SCALARS:
            if idx:
                raise QuantityError(f"{name} takes no index")
            return ctx.scalar(name)
        if name in LAYER_SCALARS:
            if len(idx) != 1:
                raise QuantityError(f"{name} takes one index, the layer: {name}[l]")
            return ctx.layer_scalar(name, idx[0])
        if name in VECTORS:
            v = ctx.x if name == "x" else ctx.trace.y
            layer = Layer(np.asarray(v, dtype=np.float64), 1 if name == "x" else ctx.network.num_layers, name)
            if not idx:
                return layer
            if len(idx) != 1:
                raise QuantityError(f"{name} takes one index: {name}[k]")
            return layer.at((idx[0],))
        if name in ARRAYS:
            if not idx:
                raise QuantityError(f"{name} needs a layer: {name}[l]")
            layer = ctx.layer(name, idx[0])
            return layer if len(idx) == 1 else layer.at(tuple(idx[1:]))
        raise QuantityError(f"unknown quantity {name!r}{suggest(name)}")
    if isinstance(node, ast.UnaryOp):
        v = _eval(node.operand, ctx)
        if not isinstance(v, Value):
            raise QuantityError("− applies to a number")
        return Value(-v.value if isinstance(node.op, ast.USub) else v.value, ("−" + v.symbol) if v.symbol else "")
    if isinstance(node, ast.BinOp):
        a, b = _eval(node.left, ctx), _eval(node.right, ctx)
        if not (isinstance(a, Value) and isinstance(b, Value)):
            raise QuantityError("+ − × / apply to numbers")
        op = {ast.Add: "+", ast.Sub: "−", ast.Mult: "×", ast.Div: "/"}[type(node.op)]
        symbol = ""
        if a.symbol or b.symbol:
            symbol = f"{a.symbol or _plain_number(a.value)} {op} {b.symbol or _plain_number(b.value)}"
        if isinstance(node.op, ast.Add):
            return Value(a.value + b.value, symbol)
        if isinstance(node.op, ast.Sub):
            return Value(a.value - b.value, symbol)
        if isinstance(node.op, ast.Mult):
            return Value(a.value * b.value, symbol)
        return Value(a.value / b.value if b.value else math.nan, symbol)
    if isinstance(node, ast.Call):
        return _call(node, ctx)
    raise QuantityError(f"{ast.unparse(node)!r} is not allowed")


def _plain_number(v: float) -> str:
    return (f"{int(v)}" if float(v).is_integer() else f"{v:g}").replace("-", "−")


def _call(node: ast.Call, ctx: Context):
    fn = node.func.id
    kwargs = {}
    for kw in node.keywords:
        if isinstance(kw.value, ast.Tuple):
            kwargs[kw.arg] = tuple(index_value(e) for e in kw.value.elts)
        else:
            kwargs[kw.arg] = constant(kw.value)
    if fn in ("abs", "norm", "sum", "max", "min", "argmax", "argmin"):
        if len(node.args) != 1 or node.keywords:
            raise QuantityError(f"{fn} takes one argument")
        v = _eval(node.args[0], ctx)
        if fn == "abs":
            if isinstance(v, Value):
                return Value(abs(v.value), f"|{v.symbol}|", v.where)
            if isinstance(v, Layer):
                return Layer(np.abs(v.values), v.l, v.symbol)
        if not isinstance(v, Layer):
            raise QuantityError(f"{fn} takes a whole layer, e.g. {fn}(delta[3])")
        vals = v.values
        if fn == "norm":
            return Value(float(np.linalg.norm(vals)), f"‖{v.symbol}{sup(v.l)}‖")
        if fn == "sum":
            return Value(float(vals.sum()))
        if fn in ("max", "min"):
            flat = int(np.argmax(vals) if fn == "max" else np.argmin(vals))
            return v.at(np.unravel_index(flat, vals.shape))
        flat = int(np.argmax(vals) if fn == "argmax" else np.argmin(vals))
        idx = tuple(int(i) for i in np.unravel_index(flat, vals.shape))
        return Where(v.l, *idx)
    if fn in ("nudge_dC", "nudge_predicted"):
        if set(kwargs) - {"w", "b", "dw"} or "dw" not in kwargs or node.args:
            raise QuantityError(f"{fn}(w=(l, j, k), dw=…) or {fn}(b=(l, j), dw=…)")
        p = ctx.parameter(kwargs)
        n = nudge(ctx.network, ctx.x, ctx.label, p, float(kwargs["dw"]))
        where = Where(p.l, p.j, p.k)
        return Value(n.delta_cost if fn == "nudge_dC" else n.predicted, "ΔC", where)
    if fn == "gradcheck":
        if set(kwargs) - {"w", "b"} or node.args:
            raise QuantityError("gradcheck(w=(l, j, k)) or gradcheck(b=(l, j))")
        p = ctx.parameter(kwargs)
        c = check_parameter(ctx.network, ctx.x, ctx.label, p)
        return Value(c.relative_error, "relative error", Where(p.l, p.j, p.k))
    if fn == "accuracy_after":
        epochs = kwargs.get("epochs")
        if set(kwargs) != {"epochs"} or not isinstance(epochs, int) or not 1 <= epochs <= 5 or node.args:
            raise QuantityError("accuracy_after(epochs=N) with N from 1 to 5")
        return Value(ctx.accuracy_after(epochs), "accuracy")
    raise QuantityError(f"unknown function {fn!r}")


__all__ = ["ARRAYS", "FUNCTIONS", "LAYER_SCALARS", "NAMES", "SCALARS", "VECTORS", "WORDS", "Context", "Layer",
           "QuantityError", "Value", "Where", "constant", "evaluate", "index_value", "names_in", "number", "parse", "suggest"]
