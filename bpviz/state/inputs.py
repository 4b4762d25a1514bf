"""What a network's input neurons are, for the model file: :class:`bpviz.core.ModelInputs` of the data."""

from __future__ import annotations

from bpviz.core import ModelInputs
from bpviz.data import DataSplits


def model_inputs(data: DataSplits) -> ModelInputs | None:
    """The features and standardisation of 2-D and table data; None for images (pixels)."""
    if data.kind not in ("plane", "table"):
        return None
    return ModelInputs(tuple(data.features), data.mean, data.std)
