"""The input space view: points drawn, clicks add and remove points, the maps are the network's
outputs, training continues on the new points; the Train panel's neuron choices; own data."""

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt

from bpviz.data import assets_dir, load_dataset
from bpviz.scene.input_space import GRID, plane_maps


@pytest.fixture
def circles():
    return load_dataset("circles?points=200", features="x1,x2,x1x2")


def _window(make_window, data, **kw):
    w = make_window(sizes=(data.input_size, 6, data.n_classes), data=data, dataset=data.name,
                    features=",".join(data.features), **kw)
    return w, w.input_space


def test_points_and_maps_equal_the_network(make_window, circles):
    w, view = _window(make_window, circles, activation="tanh", output="softmax", cost="log-likelihood")
    assert view.plot.isVisibleTo(w) and not view.note.isVisibleTo(w)
    assert w.bottom_tabs.currentWidget() is view
    xs, ys = view.train_points.getData()
    np.testing.assert_array_equal(xs, circles.train.points[:, 0])
    np.testing.assert_array_equal(ys, circles.train.points[:, 1])
    assert len(view.test_points.getData()[0]) == len(circles.test)
    expect = plane_maps(w.session.network, circles.features, GRID)
    np.testing.assert_array_equal(view.last_maps.outputs, expect.outputs)
    # one tile per neuron (inputs x1, x2, x1x2; 6 hidden; 2 outputs), each showing that neuron's map
    assert len(view._tiles) == 3 + 6 + 2
    # the decision image covers the plane it was computed on, cell (r, c) at (x₁, x₂) = (centres[c], centres[r])
    from bpviz.scene.input_space import VIEW_EXTENT

    r = view.decision.mapRectToParent(view.decision.boundingRect())
    assert (r.left(), r.bottom(), r.width(), r.height()) == pytest.approx((-VIEW_EXTENT, VIEW_EXTENT, 2 * VIEW_EXTENT,
                                                                           2 * VIEW_EXTENT))
    np.testing.assert_array_equal(view.decision.image, expect.decision_image())
    l, j, item = view._tiles[5]
    np.testing.assert_array_equal(item.image, expect.neuron(l, j))


def test_clicks_add_and_remove_points(make_window, circles, qtbot):
    w, view = _window(make_window, circles)
    w.show()
    qtbot.waitExposed(w)
    n = len(w.session.data.train)
    with qtbot.waitSignal(w.session.points_changed):
        view.point_class.setCurrentIndex(1)
        view.add_point((0.25, -0.5), int(view.point_class.currentData()))
    d = w.session.data
    assert len(d.train) == n + 1 and d.train.labels[-1] == 1
    np.testing.assert_array_equal(d.train.points[-1], [0.25, -0.5])
    np.testing.assert_array_equal(d.train.x[-1], np.float32([0.25, -0.5, -0.125]))
    assert len(view.train_points.getData()[0]) == n + 1
    assert view.remove_point_near((0.26, -0.5))
    assert len(w.session.data.train) == n
    assert not view.remove_point_near((50.0, 50.0))       # nothing near: nothing removed
    # a real click on the plane adds a point where it was clicked
    vb = view.plot.getPlotItem().vb
    scene_pt = vb.mapViewToScene(QPointF(1.0, 1.0))
    widget_pt = view.plot.mapFromScene(scene_pt)
    qtbot.mouseClick(view.plot.viewport(), Qt.MouseButton.LeftButton, pos=widget_pt)
    qtbot.waitUntil(lambda: len(w.session.data.train) == n + 1, timeout=2000)
    np.testing.assert_allclose(w.session.data.train.points[-1], [1.0, 1.0], atol=0.05)
    qtbot.mouseClick(view.plot.viewport(), Qt.MouseButton.RightButton, pos=widget_pt)
    qtbot.waitUntil(lambda: len(w.session.data.train) == n, timeout=2000)
    view.clear_points()
    assert len(w.session.data.train) == 0 and len(w.session.data.test) == len(circles.test)


def test_training_goes_on_with_new_points_and_the_maps_follow(make_window, circles, qtbot):
    w, view = _window(make_window, circles, eta=0.5, epochs=200, activation="tanh", delay_ms=5)
    s = w.session
    before = view.last_maps.outputs.copy()
    s.start()
    qtbot.waitUntil(lambda: s.params_version > 3, timeout=10000)
    view.add_point((0.0, 0.0), 1)
    assert s.state.value in ("running", "paused") and len(s.data.train) == len(circles.train) + 1
    qtbot.waitUntil(lambda: s.last_progress is not None, timeout=10000)
    s.stop()
    view.refresh()
    assert not np.array_equal(view.last_maps.outputs, before)
    np.testing.assert_array_equal(view.last_maps.outputs, plane_maps(s.network, circles.features, GRID).outputs)


def test_new_data_settings_and_the_train_panels_neurons(make_window, circles):
    w, view = _window(make_window, circles)
    view.noise.setValue(0.3)
    view.points.setValue(120)
    view.apply_settings()
    assert w.session.data.name == "circles?points=120&noise=0.3"
    assert len(w.session.data.train) + len(w.session.data.test) == 120
    tp = w.train_panel
    tp.output.setCurrentIndex(tp.output.findData("softmax"))
    tp.output.activated.emit(tp.output.currentIndex())
    assert tp.cost.currentData() == "log-likelihood"
    tp.activation.setCurrentIndex(tp.activation.findData("relu"))
    tp.features.setText("x1,x2,x1^2,x2^2")
    tp.sizes.setText("4,5,2")
    assert tp.apply()
    net = w.session.network
    assert (net.activation.name, net.output, net.cost.name, net.sizes) == ("relu", "softmax", "log-likelihood",
                                                                           (4, 5, 2))
    assert w.session.data.features == ("x1", "x2", "x1^2", "x2^2")
    assert len(view._tiles) == 4 + 5 + 2


def test_a_csv_from_the_app_and_its_model_file(make_window, tmp_path):
    iris = str(assets_dir() / "tables" / "iris.csv")
    data = load_dataset(iris)
    w = make_window(sizes=(4, 8, 3), data=data, dataset=iris, output="softmax", cost="log-likelihood", eta=0.5)
    assert w.input_space.plot.isHidden() and not w.input_space.note.isHidden()
    w.session.run_headless(5)
    path = w.session.save_model(tmp_path / "iris.npz")
    from bpviz.core import load_model

    net, meta, inputs = load_model(path)
    np.testing.assert_array_equal(inputs.mean, data.mean)
    assert meta["config"]["output"] == "softmax"
    w2 = make_window()
    w2.session.load_model(path)
    assert w2.session.data.name == "iris.csv" and w2.session.network.output == "softmax"
    assert w2.session.network.same_parameters(net)


def test_save_drawings_then_train_on_the_folder(make_window, tmp_path):
    w = make_window()
    dp = w.draw_panel
    box = dp.save_box
    box.folder.setText(str(tmp_path / "mine"))
    assert box.save() is None and "cannot be a class folder's name" in box.status.text()
    box.class_name.setText("one")
    assert box.save() is None and "blank" in box.status.text()
    for cls, pts in (("one", [(140, 40), (140, 240)]), ("dash", [(40, 140), (240, 140)])):
        box.class_name.setText(cls)
        for i in range(5):
            dp.canvas.clear()
            dp.canvas.add_stroke([(x + 4 * i, y) for x, y in pts])
            assert box.save() is not None
    assert "dash: 5, one: 5" in box.status.text()
    data = load_dataset(str(tmp_path / "mine"))
    assert data.class_names == ("dash", "one") and len(data.train) + len(data.test) == 10
    from bpviz.data.image_folder import read_image
    from bpviz.data.preprocess import mnist_like

    # a saved drawing reads back as exactly what the Draw tab feeds the network
    last = box.save()
    np.testing.assert_array_equal(read_image(last), mnist_like(dp.canvas.to_array()))
    w.session.apply_config(w.session.config.__class__(sizes=(784, 10, 2), dataset=str(tmp_path / "mine"), batch_size=2))
    assert w.session.data.class_names == ("dash", "one")


def test_settings_remember_the_neurons_and_features(tmp_path, circles):
    from PySide6.QtCore import QSettings

    from bpviz.gui.session import Session, TrainConfig
    from bpviz.gui.settings import config_from_settings, save_config

    cfg = TrainConfig(sizes=(3, 4, 2), dataset=circles.name, features="x1,x2,x1x2", activation="relu",
                      output="softmax", cost="log-likelihood")
    s = Session(cfg, data=circles)
    store = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    save_config(s.config, store)
    back = config_from_settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    assert (back.features, back.activation, back.output, back.cost) == ("x1,x2,x1x2", "relu", "softmax",
                                                                       "log-likelihood")
    s.shutdown()


def test_the_train_panel_shows_a_tables_standardisation_and_the_neurons(make_window):
    iris = str(assets_dir() / "tables" / "iris.csv")
    data = load_dataset(iris)
    w = make_window(sizes=(4, 5, 3), data=data, dataset=iris, activation="relu")
    text = w.train_panel.network_label.text()
    assert "relu in the hidden layers, sigmoid output layer" in text
    assert f"petal_length_cm ({data.mean[2]:.4g} ± {data.std[2]:.4g})" in text
    assert w.input_space.labels[0].isHidden() and w.bottom_tabs.currentIndex() == 0


def test_learning_panel_with_relu_and_softmax(make_window, circles):
    """The Learning tab's saturation and output-error views with other neurons: ReLU off/dead shares,
    and no quadratic-vs-cross-entropy comparison for a softmax output."""
    from bpviz.core.learning import saturated_share

    w, view = _window(make_window, circles, activation="relu", output="softmax", cost="log-likelihood")
    w.install_explore()
    s, panel = w.session, w.views.widget("learning")
    w.tabs.setCurrentWidget(panel)
    assert panel.last_errors is None and "softmax output" in panel.delta_caption.text()
    panel.sat_mode.setCurrentIndex(1)
    panel.new_batch()
    X = s.data.train.x[panel._batch_idx]
    want = saturated_share(s.snapshot_network(), X)
    np.testing.assert_array_equal(panel.last_share[0], want[0])
    zs, _ = s.snapshot_network().forward(X)
    np.testing.assert_array_equal(want[0], (zs[0] <= 0).mean(axis=0))
    assert "ReLU neuron is off" in panel.sat_caption.text()


def test_nudge_chain_of_a_softmax_network_ends_at_z(make_window, circles, qtbot):
    from bpviz.core.gradcheck import Parameter
    from bpviz.core.nudge import chain

    w, _ = _window(make_window, circles, activation="tanh", output="softmax", cost="log-likelihood")
    w.install_explore()
    s, panel = w.session, w.views.widget("why.nudge")
    w.tabs.setCurrentWidget(panel)
    s.select((2, 1))
    s.select_edge((2, 1, 0))
    qtbot.waitUntil(lambda: panel.result is not None, timeout=3000)
    x, y = s.sample
    c = chain(s.snapshot_network(), x, y, Parameter.weight(2, 1, 0))
    assert c.ends_at_z and c.total == pytest.approx(c.gradient, rel=1e-9)
    text = panel.chain_text.text()
    assert "∂C/∂z³" in text and "∂C/∂a³" not in text


def test_the_dataset_list_opens_a_csv_file_and_an_image_folder(make_window, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    from bpviz.gui.neuron_form import CSV_ITEM, IMAGES_ITEM

    iris = str(assets_dir() / "tables" / "iris.csv")
    w = make_window()
    tp = w.train_panel
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (iris, ""))
    i = tp.dataset.findData(CSV_ITEM)
    tp.dataset.setCurrentIndex(i)
    tp._on_dataset(i)
    assert w.session.data.name == "iris.csv" and w.session.network.sizes == (4, 30, 3)
    # a folder of images, one sub-folder per class
    from PIL import Image

    for cls, rows in (("a", slice(5, 20)), ("b", slice(8, 12))):
        for k in range(3):
            img = np.zeros((28, 28), np.uint8)
            img[rows, 10 + k:14 + k] = 255
            (tmp_path / cls).mkdir(exist_ok=True)
            Image.fromarray(img).save(tmp_path / cls / f"{k}.png")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path))
    tp.batch.setText("2")
    i = tp.dataset.findData(IMAGES_ITEM)
    tp.dataset.setCurrentIndex(i)
    tp._on_dataset(i)
    assert w.session.data.class_names == ("a", "b") and w.session.network.sizes == (784, 30, 2)
    assert tp.dataset.currentData() == str(tmp_path)


def test_each_neurons_map_is_drawn_inside_its_node(make_window, circles):
    w, view = _window(make_window, circles, activation="tanh")
    nm = view.node_maps
    lay = w.network_view.net_layout
    assert len(nm.items) == sum(w.session.network.sizes)
    expect = plane_maps(w.session.network, circles.features, GRID)
    for (l, j), item in list(nm.items.items())[::4]:
        np.testing.assert_array_equal(item.image, expect.neuron(l, j)[::-1])   # the view's y axis points down
        r = item.mapRectToParent(item.boundingRect())
        x, y = lay.layer(l).positions[j]
        assert r.center().x() == pytest.approx(x) and r.center().y() == pytest.approx(y)
        assert r.width() < lay.layer(l).diameter
    view.in_nodes.setChecked(False)
    assert not nm.items
    view.in_nodes.setChecked(True)
    assert len(nm.items) == sum(w.session.network.sizes)
    # a new network size places the maps again; non-2-D data removes them
    w.session.apply_config(w.session.config.__class__(sizes=(3, 4, 2), dataset=circles.name, features="x1,x2,x1x2"))
    assert len(nm.items) == 3 + 4 + 2
    w.session.apply_config(w.session.config.__class__(sizes=(784, 10, 10)))
    assert not nm.items


def test_hover_names_the_neurons_function(make_window, circles):
    w, _ = _window(make_window, circles, activation="relu", output="softmax", cost="log-likelihood")
    nv = w.network_view
    nv.refresh(force=True)
    a = nv.activations
    hidden = nv.describe_node(2, 0)
    assert "a²₀ = ReLU(z²₀)" in hidden
    out = nv.describe_node(3, 1)
    assert "a³₁ = softmax(z³)₁" in out and "σ" not in out
    net = w.session.network
    x, _ = w.session.view_sample()
    np.testing.assert_allclose(a[-1], net.feedforward(x[None, :])[0], rtol=1e-6)


def test_the_saturation_lens_names_what_it_marks_for_relu(make_window, circles):
    w, _ = _window(make_window, circles, activation="relu")
    w.install_explore()
    s, panel = w.session, w.views.widget("learning")
    w.tabs.setCurrentWidget(panel)
    panel.sat_mode.setCurrentIndex(0)
    lens = s.lens
    assert lens is not None
    kinds = [k for k, _ in lens.node_values[1:]]
    assert kinds == ["off (z ≤ 0)", "σ′ < 0.01"]
    t = s.snapshot_network().trace(*s.sample)
    np.testing.assert_array_equal(lens.node_values[1][1], (t.z(2) <= 0).astype(float))


def test_step_tab_equations_follow_the_neurons(make_window, circles):
    from bpviz.scene.steps import BP2, general_equations

    w, _ = _window(make_window, circles, activation="tanh", output="softmax", cost="log-likelihood")
    s = w.session
    w.tabs.setCurrentWidget(w.step_panel)
    s.build_steps(batch=False)
    seq = s.steps
    i = next(k for k, st in enumerate(seq.steps) if st.kind == BP2)
    s.set_step(i)
    text = w.step_panel.equations.text()
    for _, eq in general_equations("log-likelihood", activation="tanh", output="softmax"):
        assert eq in text
    assert "tanh′(z<sup>l</sup>)" in text and "σ′" not in text
