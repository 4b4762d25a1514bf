"""Datasets and preprocessing (NumPy + stdlib only, never Qt)."""

from bpviz.data.datasets import (
    DEFAULT_DATASET,
    DIGITS,
    FASHION_CLASSES,
    Dataset,
    DatasetError,
    DataSplits,
    assets_dir,
    available_datasets,
    data_key,
    load_dataset,
    load_folder,
)
from bpviz.data.idx import IDXError, read_idx

__all__ = [
    "DEFAULT_DATASET", "DIGITS", "FASHION_CLASSES", "DataSplits", "Dataset", "DatasetError",
    "IDXError", "assets_dir", "available_datasets", "data_key", "load_dataset", "load_folder", "read_idx",
]
