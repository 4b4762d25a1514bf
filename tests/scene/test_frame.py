"""One frame of the network view, Qt-free (bpviz.scene.frame): training, a lens and a step build the same picture."""

import numpy as np

from bpviz.core import Network
from bpviz.scene.colors import symmetric_range
from bpviz.scene.frame import lens_frame, step_frame, training_frame
from bpviz.scene.lens import Lens
from bpviz.scene.steps import StepSequence


def _net():
    net = Network([4, 3, 2], rng=np.random.default_rng(1))
    x = np.random.default_rng(2).random(4)
    return net, x


def test_training_frame_shows_the_weights_and_the_networks_own_activations():
    net, x = _net()
    f = training_frame(net, net.weights, net.biases, x, 1, 7, ("zero", "one"), image_input=False)
    _, acts = net.forward(x[None, :])
    for l in (2, 3):
        e = f.edges[l]
        assert e.kind == "w" and e.full and e.values is net.weights[l - 2]
        assert e.vmax == f.vmax == symmetric_range(net.weights)
    for a, b in zip(f.activations, acts):
        np.testing.assert_array_equal(a, b[0])
    assert [k for k, _ in f.nodes] == ["a", "a", "a"] and f.active_layer is None
    pred = int(np.argmax(acts[-1][0]))
    assert f.caption.startswith("test sample #7: label <b>one</b>") and ("zero", "one")[pred] in f.caption
    assert f.tiles[0] == "w" and f.tiles[1] is net.weights[0]


def test_lens_frame_dims_the_layers_the_lens_is_not_about():
    net, x = _net()
    dw = np.full((2, 3), 0.5)
    lens = Lens("my lens", [("a", x), None, None], edge_kind="Δw", edge_values={3: dw}, legend="change")
    f = lens_frame(net, net.weights, net.biases, x, lens)
    assert f.edges[3].kind == "Δw" and f.edges[3].full and f.edges[3].values is dw
    assert f.edges[2].kind == "w" and not f.edges[2].full
    assert f.caption == "my lens" and f.legend == "edges: change  (±{})".format(f"{f.vmax:g}")
    assert f.nodes[1] is None


def test_step_frame_is_about_the_steps_layer():
    net, x = _net()
    seq = StepSequence(net, x[None, :].astype(np.float32), np.array([1]), 0.5, ("zero", "one"))
    for i, step in enumerate(seq.steps):
        f = step_frame(seq, i)
        assert f.active_layer == step.layer
        assert f.caption.startswith(f"step {i + 1} / {len(seq)}")
        kind, em = seq.edge_values(step)
        for l, e in f.edges.items():
            assert e.full == (l in em) and (e.kind == kind if l in em else e.kind == "w")
