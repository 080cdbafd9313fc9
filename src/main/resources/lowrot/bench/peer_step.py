#!/usr/bin/env python3
"""The lowrot training step written with numpy, timed the same way as `lowrot bench`.

Full-batch gradient descent on the logistic loss, both layers trained, s = 1/sqrt(m), 2-sparse parity
data: H = X V^T, A = max(H, 0), outputs, dA = A^T c, dV = (c a^T * 1[H > 0])^T X. Usage:
    python3 peer_step.py N M D [SECONDS]   (in the source tree: src/main/resources/lowrot/bench/)
Prints one line per peer: "numpy … steps/s", and "torch … steps/s" when PyTorch is installed (the same step in
float64 on the CPU, every core; Debian's python3-torch). `lowrot bench --peer` runs it beside its own figures.
"""
import os
import sys
import time

import numpy as np


def main():
    n, m, d = (int(v) for v in sys.argv[1:4])
    seconds = float(sys.argv[4]) if len(sys.argv) > 4 else 5.0
    rng = np.random.default_rng(1)
    x = rng.choice([-1.0, 1.0], size=(n, d)) / np.sqrt(d)
    y = np.sign(x[:, 0] * x[:, 1])
    v = rng.standard_normal((m, d))
    a = rng.choice([-1.0, 1.0], size=m)
    s = 1.0 / np.sqrt(m)
    eta = 0.1

    def step():
        nonlocal v, a
        h = x @ v.T
        act = np.maximum(h, 0.0)
        z = y * s * (act @ a)
        c = -y * s / (1.0 + np.exp(z)) / n
        ga = act.T @ c
        gv = ((c[:, None] * a[None, :]) * (h > 0)).T @ x
        a = a - eta * ga
        v = v - eta * gv

    print(f"numpy {np.__version__} n={n} m={m} d={d}: {timed(step, seconds):.1f} steps/s", flush=True)
    try:
        import torch
    except ImportError:
        print("torch: not installed (Debian: apt install python3-torch)")
        return
    # Every core, as lowrot and numpy's BLAS use (a distribution's build may default to one thread).
    torch.set_num_threads(os.cpu_count() or 1)
    xt = torch.from_numpy(x)
    yt = torch.from_numpy(y)
    vt = torch.from_numpy(rng.standard_normal((m, d)))
    at = torch.from_numpy(rng.choice([-1.0, 1.0], size=m))

    def torch_step():
        nonlocal vt, at
        h = xt @ vt.T
        act = torch.clamp(h, min=0.0)
        z = yt * s * (act @ at)
        c = -yt * s / (1.0 + torch.exp(z)) / n
        ga = act.T @ c
        gv = ((c[:, None] * at[None, :]) * (h > 0)).T @ xt
        at = at - eta * ga
        vt = vt - eta * gv

    with torch.no_grad():
        rate = timed(torch_step, seconds)
    print(f"torch {torch.__version__} n={n} m={m} d={d}: {rate:.1f} steps/s ({torch.get_num_threads()} threads)")


def timed(step, seconds):
    """Steps per second after a 1 s warm-up, over about the given seconds."""
    warm = time.perf_counter()
    while time.perf_counter() - warm < 1.0:
        step()
    steps = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        step()
        steps += 1
    return steps / (time.perf_counter() - start)


if __name__ == "__main__":
    main()
