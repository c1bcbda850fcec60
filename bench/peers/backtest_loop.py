"""
The plain-Python peer of `dispersion backtest` (issue 16): the same per-symbol CSVs, the same weights, the same rule
(buy the targets at the first common close, rebalance to them at the close of each month's first trading day, value
every day of the union calendar with the last close carried forward, price only, no cash rate), in plain loops with the
standard library only. Prints the final value, the number of days and rebalances as JSON, and the peak memory.

Usage: python3 bench/peers/backtest_loop.py FOLDER WEIGHTS INITIAL
  WEIGHTS as the CLI takes them: S0000=0.01,S0001=0.01,...
"""
import json
import os
import resource
import sys


def main(folder, weights_text, initial):
    weights = [(k, float(v)) for k, v in (p.split("=") for p in weights_text.split(","))]
    series = []
    for sym, _ in weights:
        dates, closes = [], []
        with open(os.path.join(folder, sym + ".csv")) as f:
            next(f)
            for line in f:
                d, c = line.rstrip("\n").split(",")
                dates.append(d)
                closes.append(float(c))
        series.append((dates, closes))

    start = max(dates[0] for dates, _ in series)
    end = max(dates[-1] for dates, _ in series)
    calendar = sorted({d for dates, _ in series for d in dates if start <= d <= end})

    n = len(weights)
    w = [x for _, x in weights]
    ptr = [-1] * n
    price = [0.0] * n
    q = [0.0] * n
    cash = initial
    month = None
    rebalances = -1
    equity = []
    for day in calendar:
        for i in range(n):
            dates, closes = series[i]
            j = ptr[i]
            while j + 1 < len(dates) and dates[j + 1] <= day:
                j += 1
            ptr[i] = j
            price[i] = closes[j]
        if day[:7] != month:
            month = day[:7]
            value = cash
            for i in range(n):
                value += q[i] * price[i]
            for i in range(n):
                target = w[i] * value / price[i]
                cash -= (target - q[i]) * price[i]
                q[i] = target
            rebalances += 1
        value = cash
        for i in range(n):
            value += q[i] * price[i]
        equity.append(value)
    return {"final": equity[-1], "days": len(calendar), "rebalances": rebalances}


if __name__ == "__main__":
    out = main(sys.argv[1], sys.argv[2], float(sys.argv[3]))
    out["maxRssKb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps(out))
