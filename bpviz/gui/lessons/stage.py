"""How a lesson sets the stage in the window: the thin adapter between a page's setup and the
views (world, settings, sample, selection, tab, step-through, lens).

Everything goes through the Session's public methods and the view protocol
(:class:`bpviz.gui.views.ViewRegistry`: tabs shown by id, one lens owner).
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from bpviz.gui.views import Area
from bpviz.i18n import current_language
from bpviz.scene.lessons import quantities as q
from bpviz.scene.lessons.format import Lesson, LessonError
from bpviz.scene.lessons.strokes import drawn_input
from bpviz.state.lessons import asks_for_world, build_world, config_for, resolve_step, world_key

# view name of a lesson → the tab's id in the window's view registry
VIEW_IDS = {
    "train": "train", "step": "step", "draw": "draw", "nudge": "why.nudge", "learning": "learning",
    "teach": "mistakes.teach", "cost": "cost", "mini-batch": "minibatch", "curve": "why.nudge_curve",
    "gradcheck": "why.gradcheck", "why-fast": "why.fast", "code": "step.code", "speed": "learning.speed",
    "twin": "learning.twins", "hidden": "learning.hidden_units", "mistakes": "mistakes.confusion",
}
NON_WORLD_CONFIG = ("eta", "batch_size", "lmbda", "epochs", "pace")


class Stage(QObject):
    """Applies lesson setups to a MainWindow and reads the live numbers back.

    Signals: ``ready()`` once a setup is applied (at once, or after a background build);
    ``failed(str)`` when it could not be (nothing changed).
    """

    ready = Signal()        # the page's setup is in place
    failed = Signal(str)    # the reason (the learner's world is unchanged)

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.session = window.session
        self._world = None      # the World the lesson built, while it is current
        self._key = None
        self._setup: dict = {}
        self._pending: dict | None = None
        self._poll = QTimer(self, interval=50)
        self._poll.timeout.connect(self._check_build)
        self.busy = False

    # -- applying -------------------------------------------------------------------------
    def apply(self, lesson: Lesson, index: int) -> None:
        """Set page ``index``'s stage: one undoable world change if it asks for a network that
        is not the one the lesson already made, then the settings, sample, selection and views."""
        setup = lesson.setup_at(index)
        self._setup = setup
        s = self.session
        if asks_for_world(setup) and not (self._world is s.world and self._key == world_key(setup)):
            if setup.get("train_epochs"):
                self._build_in_background(setup, lesson)
                return
            try:
                world = build_world(setup, s.config, lesson.path, s.dataset)
            except LessonError as e:
                self.failed.emit(str(e))
                return
            self._adopt(world, setup, lesson)
        self._finish(setup)

    def _adopt(self, world, setup: dict, lesson: Lesson) -> None:
        s = self.session
        try:
            s.commit_world(world, QCoreApplication.translate("LessonStage", "the lesson “{title}”").format(title=lesson.title.get(self.lang)))
        except RuntimeError as e:
            self.failed.emit(str(e))
            raise
        self._world, self._key = s.world, world_key(setup)

    def _build_in_background(self, setup: dict, lesson: Lesson) -> None:
        self.busy = True
        box: dict = {}
        base, load = self.session.config, self.session.dataset

        def work() -> None:
            try:
                box["world"] = build_world(setup, base, lesson.path, load)
            except LessonError as e:
                box["error"] = str(e)

        self._pending = {"box": box, "setup": setup, "lesson": lesson, "thread": threading.Thread(target=work,
                                                                                                  daemon=True)}
        self._pending["thread"].start()
        self._poll.start()

    def _check_build(self) -> None:
        p = self._pending
        if p is None or p["thread"].is_alive():
            return
        self._poll.stop()
        self._pending, self.busy = None, False
        if "error" in p["box"]:
            self.failed.emit(p["box"]["error"])
            return
        try:
            self._adopt(p["box"]["world"], p["setup"], p["lesson"])
        except RuntimeError:
            return
        self._finish(p["setup"])

    def _finish(self, setup: dict) -> None:
        s, w = self.session, self.window
        own = {k: setup[k] for k in NON_WORLD_CONFIG if k in setup}
        if own:
            cfg = config_for(own, s.config)
            if cfg != s.config:
                try:
                    s.apply_config(cfg)
                except (ValueError, RuntimeError) as e:
                    self.failed.emit(str(e))
                    return
        if "sample" in setup:
            s.set_sample(int(setup["sample"]))
        view = setup.get("view")
        if view is not None:
            self.show_view(view)
        if "step" in setup or "drawn" in setup:
            self.go_to_step(setup)
        if "select_neuron" in setup:
            s.select(tuple(setup["select_neuron"]))
        if "select_weight" in setup:
            s.select_edge(tuple(setup["select_weight"]))
        if setup.get("lens") == "none":
            w.lenses.clear()
        elif setup.get("lens") == "saturation":
            self.show_view("learning")
            panel = w.views.widget("learning") if "learning" in w.views.tab_ids() else None
            if panel is not None and not panel.sat_lens.isChecked():
                panel.sat_lens.setChecked(True)
        self.ready.emit()

    # -- views -------------------------------------------------------------------------------
    def show_view(self, view: str) -> bool:
        w = self.window
        w.install_explore()
        tab_id = VIEW_IDS[view]
        if tab_id not in w.views.tab_ids():
            return False
        w.views.show(tab_id)
        return True

    def go_to_step(self, setup: dict) -> None:
        """The step-through on the focus (the drawn digit, else the test image) at the named step."""
        w, s = self.window, self.session
        if not s.can_step:
            return
        view = VIEW_IDS.get(setup.get("view", ""))
        if not w.views.is_current("step") and (view not in w.views.tab_ids() or w.views.area(view) is not Area.LEFT):
            w.views.show("step")
        panel = w.step_panel
        batch = setup.get("step_mode") == "batch"
        if panel.batch.isChecked() != batch:
            (panel.batch if batch else panel.single).setChecked(True)
        x, label, drawn = self.focus()
        if drawn and not batch:
            panel.rebuild(x=x, label=label)
        else:
            s.use_test_sample()
            panel.rebuild()
        if "step" in setup and s.steps is not None:
            try:
                s.set_step(resolve_step(s.steps, setup["step"]))
            except LessonError:
                pass

    def highlight(self, where: q.Where | None) -> None:
        """Mark the answer on the network: select the neuron or the edge (the equation panel follows)."""
        if where is None:
            return
        s = self.session
        if where.k is None:
            s.select((where.l, where.j))
        else:
            s.select_edge((where.l, where.j, where.k))
        self.refresh_view()

    def refresh_view(self) -> None:
        """Redraw the network view whole: in step mode its ring of the explained neuron follows the
        selection only on a full redraw (a selection change alone redraws the selection ring)."""
        view = getattr(self.window, "network_view", None)
        if view is not None:
            view.refresh(force=True)

    # -- numbers ---------------------------------------------------------------------------
    @property
    def lang(self) -> str:
        return current_language()

    def focus(self):
        """(x, label, drawn) the quantities are computed on."""
        s = self.session
        name = self._setup.get("drawn")
        if name is not None and s.network.sizes[0] == 784:
            label = s.data.class_names.index(name) if name in s.data.class_names else int(name)
            return drawn_input(name), label, True
        x, label = s.sample
        return x, label, False

    def context(self) -> q.Context:
        """The live network (the latest parameters, also while training), the focus and the settings."""
        s = self.session
        x, label, _ = self.focus()
        c = s.config
        return q.Context(s.snapshot_network(), s.data, x, label, c.eta, c.batch_size, c.lmbda, c.seed)
