"""scikit-learn side of bench/segmentation-sweep.ts. The TypeScript side runs it twice over: with
current scikit-learn from pip (a virtual environment under .bench-venv/, with OPENBLAS_CORETYPE and
OPENBLAS_L2_SIZE removed from this process's environment so OpenBLAS picks its own kernel) and, when
installed, with Debian's python3-sklearn under the machine's variables; always OMP_NUM_THREADS=1 and
OPENBLAS_NUM_THREADS=1, so both sides use one thread. Reads raw little-endian float64 rows written
by the TypeScript side and prints one JSON line with the time of the measured part only.

    info
    sweep <file> <rows> <cols> <kMin> <kMax> <restarts> <silhouetteSample>
    fit   <file> <rows> <cols> <k>
"""
import json
import os
import resource
import sys
import time

import numpy as np
import sklearn
from sklearn.cluster import KMeans
from sklearn.metrics import silhouette_score


def info():
    """Versions and the BLAS / OpenMP pools as threadpoolctl sees them (kernel = `architecture`)."""
    # A product loads the BLAS library, so threadpoolctl lists it.
    np.ones((4, 4)) @ np.ones((4, 4))
    pools = []
    try:
        from threadpoolctl import threadpool_info

        for pool in threadpool_info():
            pools.append({key: pool.get(key) for key in ("user_api", "internal_api", "version", "architecture", "num_threads", "filepath")})
    except ImportError:
        pools = None
    env = {name: os.environ.get(name) for name in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS")}
    print(json.dumps({"python": sys.version.split()[0], "sklearn": sklearn.__version__, "numpy": np.__version__, "pools": pools, "env": env}))


def main():
    mode = sys.argv[1]
    if mode == "info":
        return info()
    path, rows, cols = sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
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
