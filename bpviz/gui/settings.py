"""The app's remembered settings (QSettings), in one place: where they live, the training settings
remembered between starts, and the small things the window remembers (language, last folder).

Keys: ``train/<TrainConfig field>``, ``view/language``, ``view/edges``, ``window/geometry``,
``files/last_dir``, ``lessons/…``, ``appearance/…``, the recent session files.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QSettings

from bpviz.scene.pace import NEWCOMER_RATE, delay_ms_of_rate
from bpviz.state import ConfigError, TrainConfig
from bpviz.state.config import config_from_dict, config_to_dict


def settings() -> QSettings:
    """Settings file: $BPVIZ_SETTINGS (tests, portable use) or the platform's usual place."""
    path = os.environ.get("BPVIZ_SETTINGS")
    if path:
        return QSettings(path, QSettings.Format.IniFormat)
    return QSettings("bpviz", "bpviz")


def save_config(config: TrainConfig, s: QSettings | None = None) -> None:
    """Remember the training settings for the next start."""
    s = s or settings()
    for key, value in config_to_dict(config).items():
        s.setValue(f"train/{key}", ",".join(map(str, value)) if key == "sizes" else value)
    s.sync()


def config_from_settings(s: QSettings | None = None) -> TrainConfig:
    """The remembered settings, falling back to defaults when any is missing or unusable."""
    s = s or settings()
    values = {}
    for key in config_to_dict(TrainConfig()):
        v = s.value(f"train/{key}", None)
        if v is not None:
            values[key] = v
    # At first launch the pace is one a newcomer can follow (each update visible); the slider
    # goes to full speed, and the choice is remembered.
    values.setdefault("delay_ms", delay_ms_of_rate(NEWCOMER_RATE))
    try:
        return config_from_dict(values)
    except ConfigError:
        return TrainConfig()
