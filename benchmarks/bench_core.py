"""Benchmarks of coursekit's two hot paths, printed as a Markdown table.

Run with ``make bench`` (or ``python benchmarks/bench_core.py``). Each figure is
the best of several repeats on this machine; the README quotes one run.

(a) ``Neuron.fit`` seconds per epoch on 100,000 x 50 float64, batch_size=20,000,
    shuffling and history on, divided by the least NumPy work one shuffled epoch
    needs: one permutation, one row gather of X into a buffer that is reused
    (``np.take(X, perm, axis=0, out=buffer)``), one ``X @ w``, one ``X.T @ r``.
(b) The course-sized fit (800 x 1, 100 epochs, 5 batches) against a naive
    version written the way the original course wrote it.
(c) ``loss_surface`` on a 100 x 100 grid over 100 points against a double loop
    calling scikit-learn's ``mean_squared_error`` at every grid point.
(d) ``loss_surface`` on a 1000 x 1000 grid over 10**6 points: seconds and peak
    memory (tracemalloc, which sees NumPy's allocations).
"""

import os
import platform
import time
import tracemalloc

import numpy as np
from sklearn.metrics import mean_squared_error

import coursekit as ck


def best_of(function, repeats):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def naive_fit(X, y, n_epochs, n_batches, learning_rate, rng):
    """Mini-batch descent as the original course wrote it, with a correct MSE."""
    w = rng.random((X.shape[1], 1))
    b = rng.random((1, 1))
    records = {}
    for epoch in range(n_epochs):
        for k, rows in enumerate(np.array_split(rng.permutation(len(X)), n_batches)):
            y_pred_batch = X[rows] @ w + b
            y_pred = X @ w + b  # the whole data set, at every batch
            mse = np.mean((y[:, None] - y_pred) ** 2)
            error = 2 * (y_pred_batch - y[rows, None])
            dw = (error * X[rows]).mean(axis=0)[:, None]  # (batch, features) first
            db = error.mean(axis=0)[:, None]
            w = w - learning_rate * dw
            b = b - learning_rate * db
            records[(epoch, k)] = [w, b, mse]
    return records


def loop_surface(x, y, intercepts, slopes):
    table = np.empty((len(intercepts), len(slopes)))
    for i, b0 in enumerate(intercepts):
        for j, b1 in enumerate(slopes):
            table[i, j] = mean_squared_error(y, b0 + b1 * x)
    return table


def main():
    rng = np.random.default_rng(0)
    rows = []

    # (a) large fit against the least work an epoch needs
    X = rng.normal(size=(100_000, 50))
    y = X @ rng.normal(size=50) + rng.normal(size=100_000)
    w, r = rng.normal(size=50), rng.normal(size=100_000)

    gathered = np.empty_like(X)

    def least_work():
        perm = rng.permutation(len(X))
        np.take(X, perm, axis=0, out=gathered, mode="clip") @ w
        X.T @ r

    floor = best_of(least_work, 20)
    n_epochs = 100  # the default; set-up (validation, learning rate) is included
    neuron = ck.Neuron(batch_size=20_000, n_epochs=n_epochs, random_state=0)
    per_epoch = best_of(lambda: neuron.fit(X, y), 3) / n_epochs
    rows.append(("(a) Neuron.fit per epoch, 100,000 x 50, batch 20,000 "
                 f"({n_epochs} epochs, set-up included)",
                 f"{per_epoch * 1e3:.1f} ms vs least work {floor * 1e3:.1f} ms",
                 f"{per_epoch / floor:.2f}x the least work (target <= 1.5)"))

    # (b) course-sized fit against the original's way
    x, t = ck.datasets.make_linear_data(800, noise=200.0, random_state=0)
    Xc = (x[:, None] - x.mean()) / x.std()
    course = ck.Neuron(batch_size=160, n_epochs=100, learning_rate=0.01, random_state=0)
    ours = best_of(lambda: course.fit(Xc, t), 10)
    naive = best_of(
        lambda: naive_fit(Xc, t, 100, 5, 0.01, np.random.default_rng(0)), 10
    )
    rows.append(("(b) course fit, 800 x 1, 100 epochs x 5 batches",
                 f"{ours * 1e3:.1f} ms vs naive {naive * 1e3:.1f} ms",
                 f"{naive / ours:.1f}x faster (target >= 3)"))

    # (c) grid search: loop against loss_surface
    x100, y100 = ck.datasets.make_linear_data(100, random_state=0)
    grid = np.linspace(-5000, 5000, 100)
    loop = best_of(lambda: loop_surface(x100, y100, grid, grid), 1)
    fast = best_of(lambda: ck.loss_surface(x100, y100, grid, grid), 20)
    rows.append(("(c) loss_surface, 100 x 100 grid, 100 points",
                 f"{fast * 1e3:.2f} ms vs loop {loop:.2f} s",
                 f"{loop / fast:,.0f}x faster (target >= 2,000)"))

    # (d) a large grid over a million points
    x6, y6 = ck.datasets.make_linear_data(1_000_000, random_state=0)
    big = np.linspace(-5000, 5000, 1000)
    tracemalloc.start()
    seconds = best_of(lambda: ck.loss_surface(x6, y6, big, big), 1)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    seconds = min(seconds, best_of(lambda: ck.loss_surface(x6, y6, big, big), 3))
    rows.append(("(d) loss_surface, 1000 x 1000 grid, 10**6 points",
                 f"{seconds:.3f} s", f"peak {peak / 2**20:.0f} MiB (targets < 1 s, "
                 "< 200 MB)"))

    threads = {k: os.environ.get(k, "unset") for k in ("OMP_NUM_THREADS",
                                                       "OPENBLAS_NUM_THREADS")}
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, NumPy {np.__version__}, {threads}")
    print()
    print("| benchmark | measured | ratio |")
    print("|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
