"""The pandas reference of segvspandas: ABC and RFM as an analyst's
notebook writes them, on the CSV main.go wrote. Prints one JSON object:
the pandas version and, for each analysis, the first run and the median
of the warm runs, CPU (time.process_time) and wall (time.perf_counter),
in seconds. The CSV read is not timed.

    /usr/bin/python3 pandas_ref.py clients.csv RUNS AS_OF
"""
import gc
import json
import statistics
import sys
import time

import numpy as np
import pandas as pd


def abc(df):
    # Sort by revenue, cumulative share, cut at 80 % and 95 %.
    s = df.sort_values("revenue_cents", ascending=False)
    cum = s["revenue_cents"].cumsum()
    share = cum / cum.iloc[-1]
    return pd.Series(np.select([share <= 0.80, share <= 0.95], ["A", "B"], "C"), index=s.index)


def rfm(df, as_of):
    # Recency in days, then pd.qcut(x.rank(method="first"), 5) for each
    # measure (fewer days is better).
    scored = df[df["orders"] > 0]
    recency = (as_of - scored["last_order"]).dt.days
    r = pd.qcut(recency.rank(method="first", ascending=False), 5, labels=[1, 2, 3, 4, 5])
    f = pd.qcut(scored["orders"].rank(method="first"), 5, labels=[1, 2, 3, 4, 5])
    m = pd.qcut(scored["total_cents"].rank(method="first"), 5, labels=[1, 2, 3, 4, 5])
    return r, f, m


def measure(runs, op):
    cpu, wall = [], []
    for _ in range(runs + 1):
        gc.collect()
        c0, w0 = time.process_time(), time.perf_counter()
        op()
        cpu.append(time.process_time() - c0)
        wall.append(time.perf_counter() - w0)
    return {"first_cpu": cpu[0], "first_wall": wall[0],
            "cpu": statistics.median_high(cpu[1:]), "wall": statistics.median_high(wall[1:])}


def main():
    path, runs, as_of = sys.argv[1], int(sys.argv[2]), pd.Timestamp(sys.argv[3])
    df = pd.read_csv(path, parse_dates=["last_order"])
    out = {"version": pd.__version__,
           "ABC": measure(runs, lambda: abc(df)),
           "RFM": measure(runs, lambda: rfm(df, as_of))}
    json.dump(out, sys.stdout)


main()
