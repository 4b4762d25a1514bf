"""The app's state as small Qt-free models (NumPy + stdlib only, never Qt).

Each model owns one part of the state and announces its changes through :class:`Event`
objects; the GUI's ``Session`` composes them and turns their events into Qt signals. A
change that touches several parts (a new dataset needs a new network and a new sample) is
computed whole as a :class:`World` and committed in one step, so no observer can see a
network that does not fit its data.
"""

from bpviz.state.config import ConfigError, TrainConfig, config_from_dict, config_to_dict, training_memory
from bpviz.state.events import Event
from bpviz.state.history import HandKind, HandUpdate, History
from bpviz.state.run import Paused, Progress, RunEnd, RunEnded, TrainingRun
from bpviz.state.world import World, WorldModel

__all__ = [
    "ConfigError", "Event", "HandKind", "HandUpdate", "History", "Paused", "Progress", "RunEnd", "RunEnded", "TrainConfig", "TrainingRun",
    "World", "WorldModel", "config_from_dict", "config_to_dict", "training_memory",
]
