"""The view protocol (bpviz.gui.views): tabs and actions by id, one lens owner, driving views by id."""

from __future__ import annotations

from bpviz.gui.views import Area


def test_every_tab_and_view_action_is_found_by_id_and_shown(make_window):
    w = make_window()
    v = w.views
    assert v.tab_ids()[:6] == ["train", "step", "draw", "cost", "minibatch", "step.code"]
    for tab_id in ("why.nudge", "why.nudge_curve", "why.gradcheck", "why.fast", "learning", "learning.speed",
                   "learning.twins", "learning.hidden_units", "mistakes.confusion", "mistakes.teach"):
        assert tab_id in v.tab_ids()
        v.show(tab_id)
        tabs = w.tabs if v.area(tab_id) is Area.LEFT else w.bottom_tabs
        assert tabs.currentWidget() is v.widget(tab_id)
        assert v.is_current(tab_id) and v.current(v.area(tab_id)) == tab_id
    assert not v.is_current("train")
    # an action found by id does what its menu entry does
    v.action("learning.speed.show").trigger()
    assert w.bottom_tabs.currentWidget() is v.widget("learning.speed")
    v.action("why.nudge.show").trigger()
    assert w.tabs.currentWidget() is v.widget("why.nudge")
    assert w.bottom_tabs.currentWidget() is v.widget("why.nudge_curve")
    # every view action is in the Explore menu and in the window (its shortcut works everywhere)
    for action_id in v.action_ids():
        act = v.action(action_id)
        assert act in w.explore_menu.actions() and act in w.actions()


def test_current_changed_names_the_area_and_the_tab(make_window, qtbot):
    w = make_window()
    seen = []
    w.views.current_changed.connect(lambda area, tab_id: seen.append((area, tab_id)))
    w.views.show("mistakes.teach")
    w.views.show("learning.twins")
    assert seen == [(Area.LEFT, "mistakes.teach"), (Area.BOTTOM, "learning.twins")]


def test_one_lens_owner_switches_the_lens_with_the_left_tab(make_window):
    """The network is coloured by the lens of the current left tab and by nothing else."""
    w = make_window()
    s, v = w.session, w.views
    s.select((2, 3))
    v.show("learning")
    sat = v.widget("learning").lens
    assert sat is not None and s.lens is sat and w.lenses.owner == "learning"
    v.show("mistakes.teach")
    teach = v.widget("mistakes.teach").own_lens
    assert teach is not None and s.lens is teach and teach is not sat
    v.show("why.nudge")
    nudge = v.widget("why.nudge").lens
    assert nudge is not None and s.lens is nudge
    v.show("train")
    assert s.lens is None and w.lenses.owner == ""
    # an offer from a tab that is not current changes nothing
    w.lenses.offer("learning", sat)
    assert s.lens is None
    v.show("learning")
    assert s.lens is v.widget("learning").lens
    v.widget("learning").sat_lens.setChecked(False)
    assert s.lens is None


def test_a_caller_selects_a_neuron_a_weight_and_a_step_by_the_book_s_indices(make_window):
    w = make_window()
    s, v = w.session, w.views
    v.select_neuron(3, 7)
    assert s.selection == (3, 7)
    v.select_weight(2, 4, 100)
    assert s.edge_selection == (2, 4, 100)
    assert s.steps is None
    v.go_to_step(3)
    assert w.tabs.currentWidget() is w.step_panel and v.is_current("step")
    assert s.steps is not None and s.step_index == 3
