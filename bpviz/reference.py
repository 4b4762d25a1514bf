"""The seed's per-sample algorithm, written plainly: the oracle and the baseline.

This is chapter 1–2's ``backprop`` / ``update_mini_batch`` loop over column vectors,
one sample at a time. It deliberately shares no code with :mod:`bpviz.core`: tests
compare the vectorised core against it, and ``bpviz bench core`` times the core
against it. Parameters use the same layout as the core (w^l of shape (n_l, n_{l-1})),
with biases as column vectors (n_l, 1).
"""

from __future__ import annotations

import numpy as np


def _sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def _sigmoid_prime(z):
    return _sigmoid(z) * (1 - _sigmoid(z))


# Chapter 3's other neurons, for the hidden layers: tanh and the rectified linear unit.
def _tanh(z):
    return np.tanh(z)


def _tanh_prime(z):
    return 1 - np.tanh(z) ** 2


def _relu(z):
    return np.maximum(z, 0)


def _relu_prime(z):
    return (z > 0) * 1.0


def _softmax(z):
    e = np.exp(z - np.max(z))
    return e / np.sum(e)


#: neuron → (f, f′); the seed has sigmoid neurons only
NEURONS = {"sigmoid": (_sigmoid, _sigmoid_prime), "tanh": (_tanh, _tanh_prime), "relu": (_relu, _relu_prime)}


def backprop(weights, biases, x, y, cost="quadratic", neuron="sigmoid", output="sigmoid"):
    """(nabla_b, nabla_w) of C_x for one sample: x (n_1, 1), y (n_L, 1).

    As in the book, the loop variable ``l`` of the backward pass counts layers from the end:
    l = 1 is the output layer, l = 2 the one before it (Python's negative indices).
    ``neuron`` is f of the hidden layers (the seed's sigmoid, tanh, relu); ``output`` the output
    layer's: sigmoid, or softmax with the log-likelihood cost (whose BP1 is a − y, like cross-entropy's).
    """
    f, f_prime = NEURONS[neuron]
    f_out = _softmax if output == "softmax" else _sigmoid
    nabla_b = [np.zeros(b.shape) for b in biases]
    nabla_w = [np.zeros(w.shape) for w in weights]
    # feedforward
    activation = x
    activations = [x]  # all the activations, layer by layer
    zs = []  # all the z vectors, layer by layer
    for b, w in zip(biases, weights):
        z = np.dot(w, activation) + b
        zs.append(z)
        activation = f(z) if len(zs) < len(weights) else f_out(z)  # σ(z) everywhere in the seed
        activations.append(activation)
    # backward pass
    if cost == "quadratic":
        delta = (activations[-1] - y) * _sigmoid_prime(zs[-1])  # BP1
    else:
        delta = activations[-1] - y  # BP1, cross-entropy (or softmax with log-likelihood) cost
    nabla_b[-1] = delta  # BP3
    nabla_w[-1] = np.dot(delta, activations[-2].transpose())  # BP4
    for l in range(2, len(weights) + 1):
        z = zs[-l]
        sp = f_prime(z)
        delta = np.dot(weights[-l + 1].transpose(), delta) * sp  # BP2
        nabla_b[-l] = delta  # BP3
        nabla_w[-l] = np.dot(delta, activations[-l - 1].transpose())  # BP4
    return nabla_b, nabla_w


def update_mini_batch(weights, biases, mini_batch, eta, cost="quadratic", neuron="sigmoid", output="sigmoid"):
    """One gradient-descent step on a list of (x, y) column-vector pairs; returns new (weights, biases)."""
    nabla_b = [np.zeros(b.shape) for b in biases]
    nabla_w = [np.zeros(w.shape) for w in weights]
    for x, y in mini_batch:
        delta_nabla_b, delta_nabla_w = backprop(weights, biases, x, y, cost, neuron, output)
        nabla_b = [nb + dnb for nb, dnb in zip(nabla_b, delta_nabla_b)]
        nabla_w = [nw + dnw for nw, dnw in zip(nabla_w, delta_nabla_w)]
    m = len(mini_batch)
    # gradient descent
    weights = [w - (eta / m) * nw for w, nw in zip(weights, nabla_w)]
    biases = [b - (eta / m) * nb for b, nb in zip(biases, nabla_b)]
    return weights, biases


def as_pairs(X, labels, n_out):
    """Rows and int labels → the seed's list of (x, y) column vectors with one-hot y."""
    pairs = []
    for x, label in zip(X, labels):
        y = np.zeros((n_out, 1))
        y[int(label)] = 1.0
        pairs.append((np.asarray(x, dtype=np.float64).reshape(-1, 1), y))
    return pairs


def sgd_epoch(weights, biases, pairs, batch_size, eta, order, cost="quadratic"):
    """One epoch of the seed's SGD over ``pairs`` taken in ``order``; returns (weights, biases)."""
    shuffled = [pairs[i] for i in order]
    for k in range(0, len(shuffled), batch_size):
        weights, biases = update_mini_batch(weights, biases, shuffled[k : k + batch_size], eta, cost)
    return weights, biases
