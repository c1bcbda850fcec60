"""
The numpy-vectorised peer of `dispersion backtest` (issue 16): the same files and rule as backtest_loop.py, with the
files read by numpy's C parser, the calendar and carry-forward done with searchsorted, and each month's values as one
matrix-vector product (holdings are constant between rebalances). Prints the same JSON.

Usage: python3 bench/peers/backtest_numpy.py FOLDER WEIGHTS INITIAL
"""
import json
import os
import resource
import sys

import numpy as np


def main(folder, weights_text, initial):
    pairs = [p.split("=") for p in weights_text.split(",")]
    w = np.array([float(v) for _, v in pairs])
    dtype = np.dtype([("d", "datetime64[D]"), ("c", "f8")])
    series = [
        np.loadtxt(os.path.join(folder, sym + ".csv"), delimiter=",", skiprows=1, dtype=dtype, ndmin=1)
        for sym, _ in pairs
    ]
    start = max(s["d"][0] for s in series)
    end = max(s["d"][-1] for s in series)
    calendar = np.unique(np.concatenate([s["d"][(s["d"] >= start) & (s["d"] <= end)] for s in series]))
    # Closes carried forward onto the calendar: one column per asset.
    prices = np.empty((len(calendar), len(series)))
    for i, s in enumerate(series):
        prices[:, i] = s["c"][np.searchsorted(s["d"], calendar, side="right") - 1]

    months = calendar.astype("datetime64[M]")
    starts = np.flatnonzero(np.concatenate(([True], months[1:] != months[:-1])))
    ends = np.append(starts[1:], len(calendar))
    q = np.zeros(len(series))
    cash = initial
    equity = np.empty(len(calendar))
    for a, b in zip(starts, ends):
        p = prices[a]
        value = cash + q @ p
        target = w * value / p
        cash -= (target - q) @ p
        q = target
        equity[a:b] = cash + prices[a:b] @ q
    return {"final": float(equity[-1]), "days": int(len(calendar)), "rebalances": int(len(starts) - 1)}


if __name__ == "__main__":
    out = main(sys.argv[1], sys.argv[2], float(sys.argv[3]))
    out["maxRssKb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps(out))
