"""The view protocol: how a view joins the window, and how a caller (a lesson, a test) drives views.

A **view** is built from a :class:`ViewContext` — the session and typed collaborators, never the
main window — and declares what it contributes in :meth:`View.contributions`:

- **tabs** (:class:`Tab`): a widget with a stable id (``"why.nudge"``), a title and a tooltip, in the
  left area (:attr:`Area.LEFT`, beside Train, Step, Draw) or the bottom area (:attr:`Area.BOTTOM`,
  beside the cost plot);
- **actions** (:class:`Action`): an id, a text, what it does, an optional shortcut and tooltip; they
  go to the Explore menu and work from anywhere in the window;
- **the lens it wants while its left tab is current**: the view calls ``ctx.lenses.offer(tab_id,
  lens)`` whenever that lens changes (``None``: no lens). The :class:`LensOwner` is the one object
  that hands the session a lens: what colours the network is the offer of the current left tab, or
  nothing. No view calls ``session.set_lens``.

``MainWindow`` creates the :class:`ViewRegistry`, builds each view with a context and places what
it declares (:meth:`ViewRegistry.place`); views set nothing on the window and reach no sibling
through it. A view that needs another place of the window gets it as a typed collaborator in the
context (``ctx.accuracy_plot``) or by id through ``ctx.places``.

Driving the views (issue 18's lessons): the registry knows every tab and action by id.

- ``show(tab_id)`` makes a tab current; ``is_current(tab_id)``, ``current(area)`` tell which is;
  ``current_changed(area, tab_id)`` is emitted when it changes.
- ``widget(tab_id)``, ``action(action_id)`` (a ``QAction``: ``.trigger()`` it), ``tab_ids()``,
  ``action_ids()``.
- ``select_neuron(l, j)``, ``select_weight(l, j, k)`` select on the network (layers from 1, the
  input, as in the book); ``go_to_step(index)`` shows the Step tab at that step of the step-through.

The ids of the window's own tabs: ``train``, ``step``, ``draw`` (left); ``cost``, ``minibatch``,
``step.code`` (bottom). Each explore package names its own (``why.*``, ``learning*``, ``mistakes.*``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QTabWidget, QWidget

from bpviz.scene.lens import Lens

if TYPE_CHECKING:
    import pyqtgraph as pg

    from bpviz.gui.session import Session


class Area(Enum):
    """Where a tab goes."""

    LEFT = "left"        # beside Train, Step, Draw
    BOTTOM = "bottom"    # beside the cost plot


@dataclass(frozen=True)
class Tab:
    id: str
    area: Area
    widget: QWidget
    title: str
    tip: str = ""


@dataclass(frozen=True)
class Action:
    id: str
    text: str
    slot: Callable[[], object]
    shortcut: str | QKeySequence | None = None
    tip: str = ""
    separator_before: bool = False


@dataclass
class Contributions:
    tabs: list[Tab] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)


class View(Protocol):
    """Anything that declares tabs and actions (built with a :class:`ViewContext`)."""

    def contributions(self) -> Contributions: ...


class ViewRegistry(QObject):
    """Places the views' tabs and actions, and finds them again by id."""

    current_changed = Signal(object, str)   # (Area, tab id or "" for a tab without an id)

    def __init__(self, session: Session, left: QTabWidget, bottom: QTabWidget,
                 add_action: Callable[..., QAction], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._tabs = {Area.LEFT: left, Area.BOTTOM: bottom}
        #: Where the views' actions go (the window's Explore menu; set once the menu bar is made).
        self.menu: QMenu | None = None
        self._add_action = add_action
        self._tab_specs: dict[str, Tab] = {}
        self._actions: dict[str, QAction] = {}
        self._views: list[View] = []
        self._close_callbacks: list[Callable[[], object]] = []
        #: ``go_to_step`` asks this to build a step-through when there is none (set by the window).
        self.ensure_steps: Callable[[], object] = lambda: None
        left.currentChanged.connect(lambda _i: self.current_changed.emit(Area.LEFT, self.current(Area.LEFT)))
        bottom.currentChanged.connect(lambda _i: self.current_changed.emit(Area.BOTTOM, self.current(Area.BOTTOM)))

    # -- placing ------------------------------------------------------------------------------
    def add_tab(self, tab: Tab) -> None:
        if tab.id in self._tab_specs:
            raise ValueError(f"two tabs with the id {tab.id!r}")
        tabs = self._tabs[tab.area]
        i = tabs.addTab(tab.widget, tab.title)
        if tab.tip:
            tabs.setTabToolTip(i, tab.tip)
        self._tab_specs[tab.id] = tab

    def add_action(self, action: Action) -> QAction:
        if action.id in self._actions:
            raise ValueError(f"two actions with the id {action.id!r}")
        if self.menu is None:
            raise RuntimeError("the registry has no menu for actions yet")
        if action.separator_before:
            self.menu.addSeparator()
        act = self._add_action(self.menu, action.text, lambda _=False, f=action.slot: f(), action.shortcut,
                               action.tip)
        self._actions[action.id] = act
        return act

    def place(self, view: View) -> View:
        """Add the view's tabs and actions (in the order it declares them)."""
        c = view.contributions()
        for t in c.tabs:
            self.add_tab(t)
        for a in c.actions:
            self.add_action(a)
        self._views.append(view)
        return view

    # -- finding and driving ------------------------------------------------------------------
    def tab_ids(self) -> list[str]:
        return list(self._tab_specs)

    def action_ids(self) -> list[str]:
        return list(self._actions)

    def widget(self, tab_id: str) -> QWidget:
        return self._tab_specs[tab_id].widget

    def action(self, action_id: str) -> QAction:
        return self._actions[action_id]

    def area(self, tab_id: str) -> Area:
        return self._tab_specs[tab_id].area

    def show(self, tab_id: str) -> None:
        spec = self._tab_specs[tab_id]
        self._tabs[spec.area].setCurrentWidget(spec.widget)

    def current(self, area: Area) -> str:
        """The id of the area's current tab ("" when it has none)."""
        w = self._tabs[area].currentWidget()
        return next((i for i, t in self._tab_specs.items() if t.widget is w), "")

    def is_current(self, tab_id: str) -> bool:
        spec = self._tab_specs.get(tab_id)
        return spec is not None and self._tabs[spec.area].currentWidget() is spec.widget

    def select_neuron(self, l: int, j: int) -> None:
        self.session.select((l, j))

    def select_weight(self, l: int, j: int, k: int) -> None:
        self.session.select_edge((l, j, k))

    def go_to_step(self, index: int) -> None:
        """Show the Step tab at step ``index`` of the step-through (built on the current weights if
        there is none)."""
        self.show("step")
        self.ensure_steps()
        self.session.set_step(index)

    # -- closing ------------------------------------------------------------------------------
    def on_close(self, callback: Callable[[], object]) -> None:
        """Call ``callback`` when the window is closed (views stop their background jobs)."""
        self._close_callbacks.append(callback)

    def watch_close_of(self, window: QWidget) -> None:
        window.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Close:
            for callback in self._close_callbacks:
                callback()
        return False


class LensOwner(QObject):
    """The one owner of the session's lens: the lens the current left tab offers, else none.

    A lens is wanted only while its tab is current: when the left tab changes the lens is cleared,
    and the newly current view offers its own (computed on the numbers of that moment)."""

    def __init__(self, session: Session, places: ViewRegistry, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.places = places
        self.owner = ""      # the tab whose lens the session has ("" when none)
        places.current_changed.connect(self._on_current)

    def offer(self, tab_id: str, lens: Lens | None) -> None:
        """The lens ``tab_id`` wants now (``None``: none); used only while ``tab_id`` is the current left tab."""
        if self.places.is_current(tab_id) and self.places.area(tab_id) is Area.LEFT:
            self.owner = tab_id if lens is not None else ""
            self.session.set_lens(lens)

    def restore(self, lens: Lens | None) -> None:
        """A saved session's lens, shown as the current left tab's (until that tab offers its own)."""
        self.owner = self.places.current(Area.LEFT) if lens is not None else ""
        self.session.set_lens(lens)

    def clear(self) -> None:
        """No lens now (until the current tab offers one again)."""
        self.owner = ""
        self.session.set_lens(None)

    def _on_current(self, area: Area, _tab_id: str) -> None:
        if area is Area.LEFT:
            self.owner = ""
            self.session.set_lens(None)


@dataclass(frozen=True)
class ViewContext:
    """What a view receives: the session and typed collaborators (never the main window)."""

    session: Session
    places: ViewRegistry
    lenses: LensOwner
    accuracy_plot: pg.PlotItem     # the cost plot's test-accuracy plot (a preset's target line goes here)

