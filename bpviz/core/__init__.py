"""The NumPy core: the seed's network, backpropagation and SGD (never imports Qt)."""

from bpviz.core.activations import sigmoid, sigmoid_prime
from bpviz.core.costs import COSTS, CrossEntropyCost, LogLikelihoodCost, QuadraticCost, get_cost
from bpviz.core.gradcheck import (
    CheckRow,
    EpsSweep,
    GradientCheck,
    Parameter,
    ParameterCheck,
    check_parameter,
    eps_sweep,
    gradient_check,
    parameters,
)
from bpviz.core.io import ModelFileError, ModelInputs, load_model, load_network, save_network
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
from bpviz.core.nudge import Chain, Nudge, NudgeCurve, chain, nudge, nudge_curve
from bpviz.core.sgd import (
    BatchDone,
    Diverged,
    EpochDone,
    EpochPosition,
    SGDControl,
    sgd,
    update_mini_batch,
    validate_hyperparameters,
)
from bpviz.core.twin import EpochRecord, TwinEvent, TwinRun, TwinSettings, twin_run

__all__ = [
    "COSTS", "LogLikelihoodCost", "BatchDone", "Chain", "CheckRow", "CrossEntropyCost", "Diverged", "EpochDone",
    "EpochPosition", "EpsSweep",
    "Gradient", "GradientCheck", "ModelFileError", "Network", "Nudge", "NudgeCurve", "Parameter",
    "ParameterCheck", "QuadraticCost", "SGDControl", "Trace", "as_generator", "chain", "check_memory",
    "check_parameter", "eps_sweep", "get_cost", "gradient_check", "load_model", "load_network", "ModelInputs", "nudge", "nudge_curve",
    "num_parameters", "parameters", "parse_sizes", "save_network", "sgd", "sigmoid", "sigmoid_prime",
    "training_bytes", "update_mini_batch", "validate_hyperparameters",
    # learning from mistakes (issue 13); the input nudge is bpviz.core.mistakes.nudge
    "CellImages", "ConfusedPair", "Confusion", "NudgeRun", "NudgeStep", "ParameterSnapshot",
    "PredictionChanges", "TeachStep", "Teacher", "WeightChange", "confusion", "input_gradient",
    "nudge_until", "prediction_changes", "teach_step",
    # why a network learns or does not (issue 12)
    "BOOK_SPEEDS", "SATURATION_THRESHOLD", "BookSpeeds", "EpochRecord", "LayerSpeeds", "OutputSaturation",
    "SpeedSummary", "TwinEvent", "TwinRun", "TwinSettings", "book_speeds", "output_saturation", "saturated",
    "saturated_share", "speed_of_learning", "speeds_at_init", "twin_run",
]
