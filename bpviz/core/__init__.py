"""The NumPy core: the seed's network, backpropagation and SGD (never imports Qt)."""

from bpviz.core.activations import sigmoid, sigmoid_prime
from bpviz.core.costs import COSTS, CrossEntropyCost, QuadraticCost, get_cost
from bpviz.core.gradcheck import GradientCheck, gradient_check
from bpviz.core.io import ModelFileError, load_network, save_network
from bpviz.core.network import (
    Gradient,
    Network,
    Trace,
    as_generator,
    check_memory,
    num_parameters,
    parse_sizes,
    training_bytes,
)
from bpviz.core.sgd import (
    BatchDone,
    Diverged,
    EpochDone,
    SGDControl,
    sgd,
    update_mini_batch,
    validate_hyperparameters,
)

__all__ = [
    "COSTS", "BatchDone", "CrossEntropyCost", "Diverged", "EpochDone", "Gradient", "GradientCheck",
    "ModelFileError", "Network", "check_memory", "num_parameters", "training_bytes", "QuadraticCost", "SGDControl", "Trace", "as_generator", "get_cost",
    "gradient_check", "load_network", "parse_sizes", "save_network", "sgd", "sigmoid",
    "sigmoid_prime", "update_mini_batch", "validate_hyperparameters",
]
