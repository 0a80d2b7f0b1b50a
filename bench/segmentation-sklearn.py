"""scikit-learn side of bench/segmentation-sweep.ts (run by Debian's /usr/bin/python3 with
OMP_NUM_THREADS=1, so both sides use one thread). Reads raw little-endian float64 rows written by
the TypeScript side and prints one JSON line with the time of the measured part only.

    sweep <file> <rows> <cols> <kMin> <kMax> <restarts> <silhouetteSample>
    fit   <file> <rows> <cols> <k>
"""
import json
import resource
import sys
import time

import numpy as np
from sklearn.cluster import KMeans
from sklearn.metrics import silhouette_score


def main():
    mode, path, rows, cols = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    x = np.fromfile(path, dtype="<f8").reshape(rows, cols)
    rss_after_load = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    if mode == "sweep":
        k_min, k_max, restarts, sample = (int(v) for v in sys.argv[5:9])
        started = time.perf_counter()
        per_k = {}
        for k in range(k_min, k_max + 1):
            km = KMeans(n_clusters=k, n_init=restarts, algorithm="lloyd", random_state=k).fit(x)
            sil = silhouette_score(x, km.labels_, sample_size=min(sample, rows), random_state=k)
            per_k[k] = {"wss": float(km.inertia_), "silhouette": float(sil)}
        seconds = time.perf_counter() - started
        print(json.dumps({"seconds": seconds, "perK": per_k}))
    elif mode == "fit":
        k = int(sys.argv[5])
        started = time.perf_counter()
        km = KMeans(n_clusters=k, n_init=1, algorithm="lloyd", random_state=0).fit(x)
        seconds = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        print(json.dumps({"seconds": seconds, "wss": float(km.inertia_), "peakRss": peak,
                          "rssAfterLoad": rss_after_load, "rawBytes": x.nbytes}))
    else:
        raise SystemExit(f"unknown mode {mode}")


main()
