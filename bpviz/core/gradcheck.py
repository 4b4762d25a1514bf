"""Check backpropagation's gradient against central finite differences.

∂C/∂θ ≈ (C(θ + ε) − C(θ − ε)) / 2ε for each checked parameter θ. Run it in float64:
in float32 the differences are dominated by rounding.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from bpviz.core.network import Network, as_generator


@dataclass(frozen=True)
class GradientCheck:
    """Backprop's and the numerical gradient at the checked parameters."""

    names: list[str]          # e.g. "w^2[3,17]", "b^3[1]"
    backprop: np.ndarray      # (k,)
    numerical: np.ndarray     # (k,)

    @property
    def relative_error(self) -> float:
        """‖g_bp − g_num‖ / (‖g_bp‖ + ‖g_num‖); 0 when both are 0."""
        den = np.linalg.norm(self.backprop) + np.linalg.norm(self.numerical)
        return float(np.linalg.norm(self.backprop - self.numerical) / den) if den else 0.0

    @property
    def max_abs_error(self) -> float:
        return float(np.max(np.abs(self.backprop - self.numerical))) if len(self.names) else 0.0

    def __repr__(self) -> str:
        return f"GradientCheck({len(self.names)} parameters, relative error {self.relative_error:.3g})"


def gradient_check(
    network: Network,
    X: np.ndarray,
    y: np.ndarray,
    *,
    eps: float = 1e-6,
    max_per_layer: int | None = None,
    rng: np.random.Generator | int | None = 0,
) -> GradientCheck:
    """Compare :meth:`Network.gradient` with central differences of the mean cost.

    Every parameter is checked unless ``max_per_layer`` is given; then that many weights
    (chosen with ``rng``) and all biases of each layer are. The network is restored.
    """
    gen = as_generator(rng)
    X = np.asarray(X)
    Y = network.targets(y, X.shape[0])
    grad = network.gradient(X, Y)

    def cost() -> float:
        return network.total_cost(X, Y)

    names, bp, num = [], [], []
    for i, (w, b) in enumerate(zip(network.weights, network.biases)):
        l = i + 2
        w_idx = np.arange(w.size)
        if max_per_layer is not None and w.size > max_per_layer:
            w_idx = gen.choice(w.size, size=max_per_layer, replace=False)
        params = [(w, "w", idx, grad.nabla_w[i]) for idx in w_idx] + [
            (b, "b", idx, grad.nabla_b[i]) for idx in range(b.size)
        ]
        for arr, kind, flat, g in params:
            pos = np.unravel_index(flat, arr.shape)
            old = arr[pos]
            arr[pos] = old + eps
            c_plus = cost()
            arr[pos] = old - eps
            c_minus = cost()
            arr[pos] = old
            names.append(f"{kind}^{l}[{','.join(str(int(p)) for p in pos)}]")
            bp.append(float(g[pos]))
            num.append((c_plus - c_minus) / (2 * eps))
    return GradientCheck(names, np.array(bp), np.array(num))
