"""``bpviz bench gui``: repaint cost, GUI responsiveness while training, and training
throughput with the window open versus headless — figures and ratios from one run."""

from __future__ import annotations

import os
import statistics
import time

import numpy as np

from bpviz.gui.eventloop import run_event_loop


def _pct(values, q) -> float:
    return float(np.percentile(np.asarray(values), q))


def _repaint_times(app, window, fraction: float, n: int = 50) -> list[float]:
    view = window.network_view
    modes = {view.edge_combo.itemText(k): k for k in range(view.edge_combo.count())}
    view.edge_combo.setCurrentIndex(modes["All edges"] if fraction >= 1 else modes["Strongest 2 %"])
    s = window.session
    rng = np.random.default_rng(0)
    base_w, base_b = s.parameters
    times = []
    for _ in range(n):
        # new weights as training would produce them, then recolour and repaint synchronously
        weights = [w + rng.normal(0, 0.05, w.shape).astype(w.dtype) for w in base_w]
        t = time.perf_counter()
        view.render(weights, base_b)
        view.glw.viewport().repaint()
        times.append((time.perf_counter() - t) * 1000)
        app.processEvents()
    return times


def _selection_times(app, window, n: int = 30) -> list[float]:
    """Repaint after clicking through hidden neurons: the weights do not change."""
    view, s = window.network_view, window.session
    times = []
    for i in range(n):
        s.select((2, i % s.network.sizes[1]))
        t = time.perf_counter()
        view.glw.viewport().repaint()
        times.append((time.perf_counter() - t) * 1000)
        app.processEvents()
    s.select(None)
    return times


def _timer_jitter(app, seconds: float) -> list[float]:
    from PySide6.QtCore import QElapsedTimer, Qt, QTimer

    intervals: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.nsecsElapsed()]

    def tick() -> None:
        now = clock.nsecsElapsed()
        intervals.append((now - last[0]) / 1e6)
        last[0] = now

    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    run_event_loop(seconds)
    timer.stop()
    return intervals[1:]


def _headless_rate(data, seconds: float, sizes=(784, 30, 10)) -> float:
    from bpviz.core import BatchDone, Network, sgd

    net = Network(sizes, rng=0)
    n, t0 = 0, time.perf_counter()
    for ev in sgd(net, data.train, epochs=100, batch_size=10, eta=3.0, rng=1, test=data.test):
        if isinstance(ev, BatchDone):
            n += 1
            if time.perf_counter() - t0 >= seconds:
                break
    return n / (time.perf_counter() - t0)


def _input_space_times(app, window, n: int = 50) -> list[float]:
    """Redraw of the input space (decision regions and every neuron's map) with new weights, ms."""
    view = window.input_space
    net = window.session.network
    rng = np.random.default_rng(0)
    out = []
    for _ in range(n):
        other = net.with_parameters([w + rng.normal(0, 0.01, w.shape).astype(w.dtype) for w in net.weights],
                                    net.biases)
        t0 = time.perf_counter()
        view.redraw(other)
        view.plot.viewport().repaint()
        view.maps.viewport().repaint()
        app.processEvents()
        out.append(1000 * (time.perf_counter() - t0))
    return out


def _input_space_line(app) -> None:
    from dataclasses import replace

    from bpviz.gui.app import make_window
    from bpviz.gui.session import TrainConfig

    sizes = (2, 8, 8, 2)
    window = make_window(config=replace(TrainConfig(), sizes=sizes, dataset="spiral", activation="tanh"))
    window.resize(1200, 800)
    window.show()
    run_event_loop(0.3)
    t = _input_space_times(app, window)
    print(f"Input space redraw, {list(sizes)} spiral, decision regions + {sum(sizes)} neuron maps of 64×64 "
          f"(target < 16 ms): median {statistics.median(t):6.1f} ms   p95 {_pct(t, 95):6.1f} ms")
    window.close()


def bench_gui(args) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from dataclasses import replace

    from bpviz.gui.app import make_window, qt_app
    from bpviz.gui.session import TrainConfig

    app = qt_app()
    print("bpviz bench gui (offscreen, Qt software rendering)")
    print("Repaint after recolouring the edges, 1200×800 window, 50 updates:")
    for sizes in ((784, 30, 10), (784, 100, 10)):
        window = make_window(config=replace(TrainConfig(), sizes=sizes))
        window.resize(1200, 800)
        window.show()
        run_event_loop(0.3)
        for label, frac in (("default (strongest 2 % + tiles)", 0.02), ("all edges", 1.0)):
            t = _repaint_times(app, window, frac)
            print(f"  {str(list(sizes)):15s} {label:32s} median {statistics.median(t):6.1f} ms   "
                  f"p95 {_pct(t, 95):6.1f} ms")
        t = _selection_times(app, window)
        print(f"  {str(list(sizes)):15s} {'select a node, all edges cached':32s} median {statistics.median(t):6.1f} ms   "
              f"p95 {_pct(t, 95):6.1f} ms")
        window.close()
    _input_space_line(app)

    for sizes in ((784, 30, 10), (784, 100, 10)):
        # full speed (pace 0): the fastest the window has to keep up with
        window = make_window(config=replace(TrainConfig(), sizes=sizes, epochs=100, delay_ms=0))
        window.resize(1200, 800)
        window.show()
        run_event_loop(0.3)
        seconds = 6.0
        idle = _timer_jitter(app, 3.0)
        s = window.session
        headless = _headless_rate(s.data, seconds, sizes)
        s.start()
        t0, n0 = time.perf_counter(), s.history.recorded
        busy = _timer_jitter(app, seconds)
        t1, n1 = time.perf_counter(), s.history.recorded
        s.stop()
        gui_rate = (n1 - n0) / (t1 - t0)
        window.close()
        print(f"GUI thread responsiveness, {list(sizes)} (10 ms QTimer, actual interval; target p95 < 30 ms):")
        for label, iv in (("idle", idle), ("training", busy)):
            print(f"  {label:9s} p50 {_pct(iv, 50):5.1f} ms   p95 {_pct(iv, 95):5.1f} ms   max {max(iv):6.1f} ms")
        print(f"Training throughput, {list(sizes)}, m = 10 (mini-batches per second):")
        print(f"  headless core {headless:8.0f}   window open and updating {gui_rate:8.0f}   "
              f"ratio {gui_rate / headless:.2f} (target >= 0.85)")
    times = [first_paint_seconds() for _ in range(3)]
    print("First paint of the window from process start (a new Python process, 3 runs; target < 1.0 s):")
    print("  " + "   ".join(f"{t:.2f} s" for t in times) + f"   median {statistics.median(times):.2f} s")
    return 0


def first_paint_seconds() -> float:
    """Seconds from starting a new ``python`` process to the network view's first paint
    (offscreen), default settings: interpreter, imports, data, window."""
    import subprocess
    import sys

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    t0 = time.time()
    out = subprocess.run([sys.executable, "-c", "from bpviz.gui.bench import _first_paint_child; "
                          f"_first_paint_child({t0!r})"], env=env, capture_output=True, text=True, timeout=120)
    for line in out.stdout.splitlines():
        if line.startswith("first-paint "):
            return float(line.split()[1])
    raise RuntimeError(f"the first-paint process printed no time: {out.stderr[-500:]}")


def _first_paint_child(t0: float) -> None:
    """In the child process: open the window as ``bpviz`` does and print the time of the
    network view's first paint since ``t0`` (the parent's clock just before it started us)."""
    from PySide6.QtCore import QEvent, QObject

    from bpviz.gui.app import make_window, qt_app
    from bpviz.gui.session import TrainConfig

    app = qt_app()
    window = make_window(config=TrainConfig())

    class _Painted(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 (Qt's name)
            if event.type() == QEvent.Type.Paint:
                print(f"first-paint {time.time() - t0:.4f}", flush=True)
                app.exit(0)
            return False

    spy = _Painted()
    window.network_view.glw.viewport().installEventFilter(spy)
    window.resize(1500, 920)
    window.show()
    app.exec()
    window.session.shutdown()
