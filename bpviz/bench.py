"""``bpviz bench``: speed measured as ratios within one run (never as timed tests).

``core``: one epoch of the bundled 10,000 training images at [784, 30, 10], m = 10,
η = 3.0 with the vectorised core, the seed's per-sample loop (:mod:`bpviz.reference`)
and PyTorch on the CPU when it is importable.
"""

from __future__ import annotations

import statistics
import sys
import time

import numpy as np

SIZES = (784, 30, 10)
BATCH = 10
ETA = 3.0


def _median_time(fn, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def _core_epoch(train, dtype, seed=0):
    from bpviz.core import Network, sgd

    def run():
        net = Network(SIZES, rng=seed, dtype=dtype)
        for _ in sgd(net, train, epochs=1, batch_size=BATCH, eta=ETA, rng=1, divergence_factor=None, monitor=False):
            pass
        # total_cost at the end of the epoch is part of sgd; it is ~2% of the epoch.
    return run


def _reference_epoch(train):
    from bpviz import reference
    from bpviz.core import Network

    pairs = reference.as_pairs(train.x, train.labels, SIZES[-1])
    order = np.random.default_rng(1).permutation(len(pairs))

    def run():
        net = Network(SIZES, rng=0, dtype=np.float64)
        reference.sgd_epoch(net.weights, [b[:, None] for b in net.biases], pairs, BATCH, ETA, order)
    return run


def _torch_epoch(train):
    try:
        import torch
    except ImportError:
        return None, None
    X = torch.from_numpy(train.x)
    Y = torch.nn.functional.one_hot(torch.from_numpy(train.labels), SIZES[-1]).float()

    def run():
        torch.manual_seed(0)
        model = torch.nn.Sequential(
            torch.nn.Linear(SIZES[0], SIZES[1]), torch.nn.Sigmoid(),
            torch.nn.Linear(SIZES[1], SIZES[2]), torch.nn.Sigmoid(),
        )
        opt = torch.optim.SGD(model.parameters(), lr=ETA)
        perm = torch.randperm(X.shape[0])
        Xs, Ys = X[perm], Y[perm]
        for k in range(0, X.shape[0], BATCH):
            xb, yb = Xs[k : k + BATCH], Ys[k : k + BATCH]
            opt.zero_grad(set_to_none=True)
            # mean over the batch of C_x = ½‖a − y‖², as in the seed
            loss = 0.5 * ((model(xb) - yb) ** 2).sum(dim=1).mean()
            loss.backward()
            opt.step()
    return run, f"torch {torch.__version__}, {torch.get_num_threads()} threads"


def bench_core(args) -> int:
    from bpviz.data import load_dataset

    train = load_dataset().train
    rounds = max(3, args.repeats)
    contenders = {
        "core float32": _core_epoch(train, np.float32),
        "core float64": _core_epoch(train, np.float64),
    }
    torch_run, torch_info = _torch_epoch(train)
    if torch_run is not None:
        torch_run()  # warm-up
        contenders["pytorch"] = torch_run
    contenders["per-sample reference (float64)"] = _reference_epoch(train)
    print(f"bpviz bench core: one epoch of {len(train)} images, sizes {list(SIZES)}, m = {BATCH}, η = {ETA}")
    print(f"({rounds} rounds; each round runs every contender once, so each ratio is taken within a round "
          "and the median over rounds is robust to a slow spell of this shared machine)", flush=True)
    times: dict[str, list[float]] = {name: [] for name in contenders}
    for _ in range(rounds):
        for name, fn in contenders.items():
            times[name].append(_median_time(fn, 1))
    for name, t in times.items():
        med = statistics.median(t)
        print(f"  {name:32s} median {med:7.3f} s/epoch (best {min(t):.3f})  {len(train) / BATCH / med:8.0f} mini-batches/s")

    def ratio(slow: str, fast: str) -> tuple[float, float]:
        r = [a / b for a, b in zip(times[slow], times[fast])]
        return statistics.median(r), min(times[slow]) / min(times[fast])

    ref = "per-sample reference (float64)"
    for name in ("core float32", "core float64"):
        med, best = ratio(ref, name)
        print(f"speed-up of {name} over the per-sample loop: {med:.1f}x median of rounds, {best:.1f}x best vs best"
              + (" (target >= 10x)" if name == "core float32" else ""))
    if torch_run is not None:
        med, best = ratio("pytorch", "core float32")
        print(f"core float32 vs PyTorch ({torch_info}): {med:.2f}x median, {best:.2f}x best "
              f"(> 1 means the core is faster; target > 1)")
    else:
        print("PyTorch not importable: 'pip install torch==2.13.0' to include it")
    return 0


def run(args) -> int:
    if args.what == "core":
        return bench_core(args)
    if args.what == "data":
        return bench_data(args)
    if args.what == "gui":
        from bpviz.gui.bench import bench_gui

        return bench_gui(args)
    if args.what == "soak":
        from bpviz.gui.soak import bench_soak

        return bench_soak(args)
    print(f"unknown benchmark {args.what}", file=sys.stderr)
    return 2


def _measure_load(fn) -> tuple[float, int, object]:
    import tracemalloc

    tracemalloc.start()
    t = time.perf_counter()
    result = fn()
    elapsed = time.perf_counter() - t
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return elapsed, peak, result


def _stand_in_full_mnist(folder) -> None:
    """70,000 real images in the full files' format: the bundled 10,000 training images six
    times and the official test set (loading cost depends on size, not on content)."""
    import gzip
    import shutil
    import struct

    from bpviz.data import assets_dir, read_idx

    src = assets_dir() / "mnist"
    images = np.tile(read_idx(src / "train-images-idx3-ubyte.gz"), (6, 1, 1))
    labels = np.tile(read_idx(src / "train-labels-idx1-ubyte.gz"), 6)
    for name, arr in (("train-images-idx3-ubyte.gz", images), ("train-labels-idx1-ubyte.gz", labels)):
        head = bytes([0, 0, 8, arr.ndim]) + struct.pack(f">{arr.ndim}I", *arr.shape)
        with gzip.open(folder / name, "wb", compresslevel=6) as f:
            f.write(head + arr.tobytes())
    for name in ("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"):
        shutil.copy(src / name, folder / name)


def bench_data(args) -> int:
    import tempfile
    from pathlib import Path

    from bpviz.core import Network, sgd
    from bpviz.data import load_dataset, load_folder
    from bpviz.data.datasets import needs_download

    def arrays_bytes(d) -> int:
        parts = [d.train, d.test] + ([d.validation] if d.validation is not None else [])
        return sum(p.x.nbytes + p.labels.nbytes for p in parts)

    print("bpviz bench data: loading time and peak memory (tracemalloc), one run each")
    t, peak, d = _measure_load(lambda: load_dataset())
    print(f"  bundled subset (20,000 images)    {t:6.2f} s   peak {peak / 1e6:7.1f} MB = "
          f"{peak / arrays_bytes(d):.2f}× its float32 arrays")
    with tempfile.TemporaryDirectory() as tmp:
        if not needs_download("mnist"):
            label, loader = "full MNIST from the cache (70,000)", lambda: load_dataset("mnist")
        else:
            folder = Path(tmp)
            _stand_in_full_mnist(folder)
            label = "70,000-image stand-in (not cached)"
            loader = lambda: load_folder(folder, "mnist-stand-in")  # noqa: E731
        t, peak, d = _measure_load(loader)
        print(f"  {label:33s} {t:6.2f} s   peak {peak / 1e6:7.1f} MB = {peak / arrays_bytes(d):.2f}× its "
              f"float32 arrays (targets: < 1 s, < 3×)")
        train = (d.train.x[:50000], d.train.labels[:50000])
    from bpviz.core import load_network
    from bpviz.data import assets_dir
    from bpviz.data.preprocess import mnist_like, resize_area

    model, _ = load_network(assets_dir() / "models" / "mnist-784-100-10-ce.npz")
    canvas = np.zeros((280, 280))
    canvas[40:240, 60:220] = np.clip(resize_area(load_dataset().test.image(0), (200, 160)), 0, 1)
    runs = []
    for _ in range(200):
        t = time.perf_counter()
        model.feedforward(mnist_like(canvas).ravel())
        runs.append((time.perf_counter() - t) * 1000)
    print(f"Drawn digit: preprocessing a 280×280 canvas + prediction ([784,100,10]): median "
          f"{statistics.median(runs):.2f} ms, p95 {np.percentile(runs, 95):.2f} ms (target < 5 ms)")
    net = Network(SIZES, rng=0)
    t = time.perf_counter()
    for _ in sgd(net, train, epochs=1, batch_size=BATCH, eta=ETA, rng=1, monitor=False):
        pass
    epoch = time.perf_counter() - t
    print(f"One epoch of the book's chapter 1 experiment (50,000 images, [784,30,10], m = 10, η = 3.0): "
          f"{epoch:.2f} s, so 30 epochs ≈ {30 * epoch:.0f} s plus evaluation")
    return 0
