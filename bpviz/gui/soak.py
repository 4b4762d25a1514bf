"""``bpviz bench soak``: memory of the app over long use, with the window open (offscreen).

Prints resident memory (RSS) read from the operating system, after a garbage collection and,
where glibc has it, ``malloc_trim(0)`` (so freed memory the allocator merely cached does not
count as kept). Three measurements, each from one run:

1. growth per 100,000 mini-batches past the first 100,000 (target < 5 MB);
2. growth over 50 start/stop cycles plus 20 dataset switches (target < 10 MB);
3. a step-through of a 10,000-sample mini-batch: peak, and what stays after it is replaced.
"""

from __future__ import annotations

import ctypes
import gc
import os
import sys
import time
from dataclasses import replace

from bpviz.gui.eventloop import run_event_loop


def _trim() -> None:
    gc.collect()
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL("libc.so.6").malloc_trim(0)
        except (OSError, AttributeError):
            pass


def rss_mb() -> float:
    """Resident memory of this process in MB (Linux /proc; else the peak from getrusage)."""
    try:
        with open("/proc/self/statm") as f:
            pages = int(f.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 1e6
    except OSError:
        import resource

        kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return kb / 1e3 if sys.platform != "darwin" else kb / 1e6


def _settled_rss() -> float:
    run_event_loop(0.3)
    _trim()
    return rss_mb()


def _train_until(s, batches: int) -> None:
    while s.history.recorded < batches:
        if s.state == "idle":
            s.start()
        run_event_loop(0.25)


def bench_soak(args) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from bpviz.core import parse_sizes
    from bpviz.gui.app import make_window, qt_app
    from bpviz.gui.session import TrainConfig

    qt_app()
    sizes = parse_sizes(args.sizes or "784,100,10")
    total = max(args.batches, 200_000)
    print(f"bpviz bench soak (offscreen, window open, {list(sizes)}; RSS after gc and malloc_trim)")

    # 1. a long run
    window = make_window(config=replace(TrainConfig(), sizes=sizes, eta=0.5, cost="cross-entropy",
                                        init="scaled", epochs=10_000))
    window.resize(1200, 800)
    window.show()
    s = window.session
    t0 = time.perf_counter()
    marks = {}
    for target in range(100_000, total + 1, 50_000):
        _train_until(s, target)
        s.pause()
        marks[target] = _settled_rss()
        print(f"  {s.history.recorded:>9,} mini-batches: RSS {marks[target]:7.1f} MB   "
              f"(history {s.history.nbytes() / 1e6:.2f} MB, {time.perf_counter() - t0:5.0f} s)", flush=True)
        s.resume()
    s.stop()
    first, last = marks[100_000], marks[max(marks)]
    per = (last - first) / ((max(marks) - 100_000) / 100_000)
    print(f"  growth past the first 100,000: {per:+.1f} MB per 100,000 mini-batches (target < 5)")

    # 2. start/stop cycles and dataset switches
    tp = window.train_panel
    s.start()
    run_event_loop(0.1)
    s.stop()
    before = _settled_rss()
    for _ in range(50):
        s.start()
        run_event_loop(0.05)
        s.stop()
    for i in range(20):
        key = "xor" if i % 2 == 0 else "mnist-bundled"
        tp.dataset.setCurrentIndex(tp.dataset.findData(key))
        tp.dataset.activated.emit(tp.dataset.currentIndex())
        run_event_loop(0.05)
    after = _settled_rss()
    print(f"  50 start/stop cycles + 20 dataset switches: RSS {before:.1f} → {after:.1f} MB "
          f"({after - before:+.1f} MB; target < 10)")

    # 3. a large step-through, replaced
    config = replace(s.config, batch_size=10_000)
    s.apply_config(config)
    base = _settled_rss()
    s.build_steps(batch=True)
    for i in range(0, 200):
        s.set_step(i * 37)
        run_event_loop(0.002)
    peak = rss_mb()
    s.apply_config(replace(config, batch_size=10))
    s.build_steps(batch=True)
    gone = _settled_rss()
    print(f"  step-through of a 10,000-sample mini-batch: RSS {base:.1f} → {peak:.1f} MB while walking, "
          f"{gone:.1f} MB after it was replaced ({gone - base:+.1f} MB)")
    window.close()
    return 0
