"""The NumPy core: the seed's network, backpropagation and SGD (never imports Qt)."""

from bpviz.core.activations import sigmoid, sigmoid_prime
from bpviz.core.costs import COSTS, CrossEntropyCost, QuadraticCost, get_cost
from bpviz.core.gradcheck import GradientCheck, gradient_check
from bpviz.core.io import ModelFileError, load_network, save_network
from bpviz.core.learning import (
    BOOK_SPEEDS,
    SATURATION_THRESHOLD,
    BookSpeeds,
    LayerSpeeds,
    OutputSaturation,
    SpeedSummary,
    book_speeds,
    output_saturation,
    saturated,
    saturated_share,
    speed_of_learning,
    speeds_at_init,
)
from bpviz.core.network import Gradient, Network, Trace, as_generator, parse_sizes
from bpviz.core.sgd import (
    BatchDone,
    Diverged,
    EpochDone,
    SGDControl,
    sgd,
    update_mini_batch,
    validate_hyperparameters,
)
from bpviz.core.twin import EpochRecord, TwinEvent, TwinRun, TwinSettings, twin_run

__all__ = [
    "BOOK_SPEEDS", "SATURATION_THRESHOLD", "BookSpeeds", "EpochRecord", "LayerSpeeds", "OutputSaturation",
    "SpeedSummary", "TwinEvent", "TwinRun", "TwinSettings", "book_speeds", "output_saturation", "saturated",
    "saturated_share", "speed_of_learning", "speeds_at_init", "twin_run",
    "COSTS", "BatchDone", "CrossEntropyCost", "Diverged", "EpochDone", "Gradient", "GradientCheck",
    "ModelFileError", "Network", "QuadraticCost", "SGDControl", "Trace", "as_generator", "get_cost",
    "gradient_check", "load_network", "parse_sizes", "save_network", "sgd", "sigmoid",
    "sigmoid_prime", "update_mini_batch", "validate_hyperparameters",
]
