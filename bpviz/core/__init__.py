"""The NumPy core: the seed's network, backpropagation and SGD (never imports Qt)."""

from bpviz.core.activations import sigmoid, sigmoid_prime
from bpviz.core.costs import COSTS, CrossEntropyCost, QuadraticCost, get_cost
from bpviz.core.gradcheck import GradientCheck, gradient_check
from bpviz.core.io import ModelFileError, load_network, save_network
from bpviz.core.mistakes import (
    CellImages,
    ConfusedPair,
    Confusion,
    NudgeRun,
    NudgeStep,
    ParameterSnapshot,
    PredictionChanges,
    Teacher,
    TeachStep,
    WeightChange,
    confusion,
    input_gradient,
    nudge,
    nudge_until,
    prediction_changes,
    teach_step,
)
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
    "ModelFileError", "Network", "QuadraticCost", "SGDControl", "Trace", "as_generator", "check_memory", "get_cost",
    "gradient_check", "load_network", "num_parameters", "parse_sizes", "save_network", "sgd", "sigmoid",
    "sigmoid_prime", "training_bytes", "update_mini_batch", "validate_hyperparameters",
    # learning from mistakes (issue 13)
    "CellImages", "ConfusedPair", "Confusion", "NudgeRun", "NudgeStep", "ParameterSnapshot",
    "PredictionChanges", "TeachStep", "Teacher", "WeightChange", "confusion", "input_gradient", "nudge",
    "nudge_until", "prediction_changes", "teach_step",
]
