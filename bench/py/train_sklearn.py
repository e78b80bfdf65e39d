"""scikit-learn side of bench/train.ts: trains RandomForestClassifier on the matrix the benchmark wrote.

usage: python3 train_sklearn.py <dir> (reads meta.json, X.f32, y.u8; prints one JSON line)
Only fit() is timed, as on the TypeScript side.
"""
import json
import sys
import time

import numpy as np
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import roc_auc_score

folder = sys.argv[1]
with open(f"{folder}/meta.json") as f:
    meta = json.load(f)
rows, features, train_rows = meta["rows"], meta["features"], meta["trainRows"]
X = np.fromfile(f"{folder}/X.f32", dtype="<f4").reshape(rows, features)
y = np.fromfile(f"{folder}/y.u8", dtype=np.uint8)
model = RandomForestClassifier(
    n_estimators=meta["trees"],
    max_features="sqrt",
    class_weight="balanced",
    bootstrap=True,
    n_jobs=meta["threads"],
    random_state=meta["seed"],
)
start = time.perf_counter()
model.fit(X[:train_rows], y[:train_rows])
seconds = time.perf_counter() - start
proba = model.predict_proba(X[train_rows:])[:, 1]
nodes = int(sum(t.tree_.node_count for t in model.estimators_))
print(json.dumps({"seconds": seconds, "auc": roc_auc_score(y[train_rows:], proba), "nodes": nodes}))
