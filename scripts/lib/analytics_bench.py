#!/usr/bin/python3
"""The Python side of scripts/analytics-benchmark.sh: the computations that AnalyticsBenchmark times in Rapport, done
with the usual Python tools (NumPy, SciPy, scikit-learn from Debian's packages) on the files it wrote, timed the same
way (reading the files is not timed). Prints one line per scenario:

    PY scenario=clv-25k seconds=1.234 detail="..."

Run with Debian's interpreter, /usr/bin/python3 (python3-sklearn, python3-scipy, python3-numpy):

    /usr/bin/python3 scripts/lib/analytics_bench.py FOLDER [scenario...]

FOLDER holds AnalyticsBenchmark's files; the Telco data is read from --telco (../shared/data/telco-customer-churn.csv).
"""
import argparse
import csv
import os
import sys
import time

import numpy as np
from scipy import optimize, sparse
from scipy.special import betaln, gammaln

SCENARIOS = ["clv-25k", "clv-1m", "kmeans-1m", "churn-telco", "recommendations-100k", "scoring-1m"]


def report(scenario, seconds, detail):
    print('PY scenario=%s seconds=%.3f detail="%s"' % (scenario, seconds, detail.replace('"', "'")), flush=True)


# ---- customer lifetime value ------------------------------------------------------------------------------------

def bgnbd_negative_ll(log_params, x, tx, T):
    """Minus the BG/NBD log-likelihood (Fader, Hardie and Lee 2005, equation 6), vectorised over the customers."""
    r, alpha, a, b = np.exp(log_params)
    common = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
    alive = betaln(a, b + x) - betaln(a, b) - (r + x) * np.log(alpha + T)
    repeat = x > 0
    # for x = 0 the second term is absent; x is raised to 1 there only to keep betaln's arguments valid
    x1 = np.where(repeat, x, 1)
    dropped = betaln(a + 1, b + x1 - 1) - betaln(a, b) - (r + x) * np.log(alpha + tx)
    ll = common + np.where(repeat, np.logaddexp(alive, dropped), alive)
    value = -np.sum(ll)
    return value if np.isfinite(value) else np.inf


def gamma_gamma_negative_ll(log_params, x, zbar):
    """Minus the Gamma-Gamma log-likelihood of the repeat buyers' mean spends (Fader and Hardie's note)."""
    p, q, v = np.exp(log_params)
    px = p * x
    ll = (gammaln(px + q) - gammaln(px) - gammaln(q) + q * np.log(v) + (px - 1) * np.log(zbar)
          + px * np.log(x) - (px + q) * np.log(v + x * zbar))
    value = -np.sum(ll)
    return value if np.isfinite(value) else np.inf


def minimise(function, start, args, method=None):
    """L-BFGS-B over the log parameters (gradients by finite differences), as scipy.optimize.minimize offers it; its
    default tolerances. Nelder-Mead (CLV_METHOD=Nelder-Mead) needs several times the evaluations, each a pass over all
    customers."""
    method = method or os.environ.get("CLV_METHOD", "L-BFGS-B")
    options = {"xatol": 1e-8, "fatol": 1e-8, "maxiter": 20000, "maxfev": 20000} if method == "Nelder-Mead" else {}
    found = optimize.minimize(function, start, args=args, method=method, options=options)
    return found, found.nfev, method


def clv(folder, scenario):
    data = np.loadtxt(os.path.join(folder, scenario + "-summaries.csv"), delimiter=",", skiprows=1, ndmin=2)
    x, tx, T, zbar = data[:, 0], data[:, 1], data[:, 2], data[:, 3]
    start = time.perf_counter()
    # the same first start as Rapport's: alpha on the scale of the customers' mean purchase rate
    per_period = max(x.sum(), 1) / (T.mean() * len(x))
    bg, bg_evaluations, method = minimise(bgnbd_negative_ll, np.log([1, 1 / per_period, 1, 1]), (x, tx, T))
    bg_seconds = time.perf_counter() - start
    buyers = (x > 0) & (zbar > 0)
    gg_start = time.perf_counter()
    gg, gg_evaluations, method = minimise(gamma_gamma_negative_ll, np.log([1, 2, zbar[buyers].mean()]),
                                     (x[buyers], zbar[buyers]))
    gg_seconds = time.perf_counter() - gg_start
    seconds = time.perf_counter() - start
    r, alpha, a, b = np.exp(bg.x)
    p, q, v = np.exp(gg.x)
    report(scenario, seconds,
           "%d customers; BG/NBD %.3f s, %d evaluations (r %.3f alpha %.3f a %.3f b %.3f, LL %.1f), Gamma-Gamma %.3f s,"
           " %d evaluations on %d repeat buyers (p %.2f q %.2f v %.2f); %s over the log parameters, SciPy %s%s"
           % (len(x), bg_seconds, bg_evaluations, r, alpha, a, b, -bg.fun, gg_seconds, gg_evaluations,
              buyers.sum(), p, q, v, method, __import__("scipy").__version__, nelder_mead_too(x, tx, T, zbar, method)))


def nelder_mead_too(x, tx, T, zbar, method):
    """For up to 100,000 customers, the same two fits by Nelder-Mead, Rapport's method, restarted once."""
    if method == "Nelder-Mead" or len(x) > 100000:
        return ""
    start = time.perf_counter()
    per_period = max(x.sum(), 1) / (T.mean() * len(x))
    evaluations = 0
    for function, first, args in ((bgnbd_negative_ll, np.log([1, 1 / per_period, 1, 1]), (x, tx, T)),
                                  (gamma_gamma_negative_ll, np.log([1, 2, zbar[(x > 0) & (zbar > 0)].mean()]),
                                   (x[(x > 0) & (zbar > 0)], zbar[(x > 0) & (zbar > 0)]))):
        found, n, _ = minimise(function, first, args, "Nelder-Mead")
        again, m, _ = minimise(function, found.x, args, "Nelder-Mead")
        evaluations += n + m
        if function is bgnbd_negative_ll:
            ll = -min(found.fun, again.fun)
    return "; by Nelder-Mead instead (restarted once): %.3f s, %d evaluations, BG/NBD LL %.1f" % (
        time.perf_counter() - start, evaluations, ll)


# ---- K-Means ----------------------------------------------------------------------------------------------------

def kmeans(folder, scenario):
    from sklearn.cluster import KMeans
    from sklearn.metrics import silhouette_score
    from sklearn.preprocessing import StandardScaler
    rows = np.loadtxt(os.path.join(folder, scenario + "-rows.csv"), delimiter=",", skiprows=1, ndmin=2)
    start = time.perf_counter()
    scaled = StandardScaler().fit_transform(rows)
    model = KMeans(n_clusters=5, n_init=10, random_state=42).fit(scaled)
    silhouette = silhouette_score(scaled, model.labels_, sample_size=min(10000, len(rows)), random_state=42)
    seconds = time.perf_counter() - start
    sizes = sorted(np.bincount(model.labels_).tolist(), reverse=True)
    report(scenario, seconds, "%d rows x %d; sizes %s; silhouette %.4f (sample of 10,000); scikit-learn %s"
           % (len(rows), rows.shape[1], " ".join(map(str, sizes)), silhouette, __import__("sklearn").__version__))


# ---- churn ------------------------------------------------------------------------------------------------------

NUMERIC = ["SeniorCitizen", "tenure", "MonthlyCharges", "TotalCharges"]


def telco(path):
    """The Telco rows as an object array: numbers as floats (NaN where blank), texts as they are; and the labels."""
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        rows = list(reader)
    features = [c for c in header if c not in ("customerID", "Churn")]
    index = {c: header.index(c) for c in header}
    table = np.empty((len(rows), len(features)), dtype=object)
    for j, column in enumerate(features):
        k = index[column]
        if column in NUMERIC:
            table[:, j] = [float(row[k]) if row[k].strip() else np.nan for row in rows]
        else:
            table[:, j] = [row[k] for row in rows]
    labels = np.array([row[index["Churn"]] == "Yes" for row in rows], dtype=int)
    numeric = [j for j, c in enumerate(features) if c in NUMERIC]
    text = [j for j, c in enumerate(features) if c not in NUMERIC]
    return table, labels, numeric, text


def churn_models(numeric, text):
    """The four models, each a pipeline that learns its one-hot encoding and median imputation from its folds."""
    from sklearn.compose import ColumnTransformer
    from sklearn.ensemble import GradientBoostingClassifier, RandomForestClassifier
    from sklearn.impute import SimpleImputer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import OneHotEncoder, StandardScaler
    from sklearn.tree import DecisionTreeClassifier

    def prepared():
        return ColumnTransformer([("text", OneHotEncoder(handle_unknown="ignore"), text),
                                  ("numbers", SimpleImputer(strategy="median"), numeric)], sparse_threshold=0)

    return {
        "logistic": make_pipeline(prepared(), StandardScaler(), LogisticRegression(max_iter=1000)),
        "tree": make_pipeline(prepared(), DecisionTreeClassifier(max_depth=5, random_state=42)),
        "forest": make_pipeline(prepared(), RandomForestClassifier(n_estimators=60, n_jobs=2, random_state=42)),
        "gbt": make_pipeline(prepared(), GradientBoostingClassifier(n_estimators=60, random_state=42)),
    }


def churn(telco_path, scenario):
    from sklearn.model_selection import StratifiedKFold, cross_val_score
    table, labels, numeric, text = telco(telco_path)
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=42)
    start = time.perf_counter()
    aucs = []
    for name, model in churn_models(numeric, text).items():
        auc = cross_val_score(model, table, labels, cv=folds, scoring="roc_auc").mean()
        aucs.append("%s %.4f" % (name, auc))
    seconds = time.perf_counter() - start
    report(scenario, seconds, "%d rows, 5 folds, one after another (the forest on 2 jobs); AUC %s"
           % (len(labels), "; ".join(aucs)))


def scoring(folder, telco_path, scenario):
    table, labels, numeric, text = telco(telco_path)
    chosen = os.path.join(folder, scenario + "-model.txt")
    algorithm = open(chosen).read().strip() if os.path.exists(chosen) else "gbt"
    model = churn_models(numeric, text)[algorithm].fit(table, labels)
    rows = np.loadtxt(os.path.join(folder, scenario + "-rows.csv"), dtype=np.int64, skiprows=1, ndmin=1)
    sample = table[rows]
    start = time.perf_counter()
    probabilities = model.predict_proba(sample)[:, 1]
    seconds = time.perf_counter() - start
    report(scenario, seconds, "%d text rows: one-hot encoding and predict_proba of the %s pipeline fitted on Telco;"
           " mean probability %.4f" % (len(rows), algorithm, probabilities.mean()))


# ---- recommendations --------------------------------------------------------------------------------------------

def recommendations(folder, scenario, neighbours=200, count=10, batch=5000):
    pairs = np.loadtxt(os.path.join(folder, scenario + "-interactions.csv"), delimiter=",", skiprows=1,
                       dtype=np.int64, ndmin=2)
    build = time.perf_counter()
    users = pairs[:, 0].max() + 1
    items = pairs[:, 1].max() + 1
    owned = sparse.csr_matrix((np.ones(len(pairs), dtype=np.float32), (pairs[:, 0], pairs[:, 1])),
                              shape=(users, items))
    owned.sum_duplicates()
    owned.data[:] = 1
    building = time.perf_counter() - build
    start = time.perf_counter()
    # cosine of the items' user vectors, each item keeping its most similar neighbours (a dense 3,000 x 3,000 array)
    co = (owned.T @ owned).toarray()
    norms = np.sqrt(np.diag(co))
    norms[norms == 0] = 1
    similarity = co / norms[:, None] / norms[None, :]
    np.fill_diagonal(similarity, 0)
    keep = min(neighbours, items - 1)
    weakest = np.argpartition(-similarity, keep, axis=1)[:, keep:]
    np.put_along_axis(similarity, weakest, 0, axis=1)
    knn = similarity.astype(np.float32)
    fitting = time.perf_counter() - start
    recommended = 0
    for first in range(0, users, batch):
        part = owned[first:first + batch]
        scores = np.asarray(part @ knn)
        scores[part.nonzero()] = -np.inf
        top = np.argpartition(-scores, count, axis=1)[:, :count]
        order = np.argsort(-np.take_along_axis(scores, top, axis=1), axis=1)
        best = np.take_along_axis(top, order, axis=1)
        chosen = np.take_along_axis(scores, best, axis=1)
        recommended += int(np.sum(chosen > 0))
    seconds = time.perf_counter() - start
    report(scenario, seconds, "%d users, %d lines, %d items; sparse matrix built %.2f s (not counted); cosine with %d"
           " neighbours per item %.2f s, 10 for every user %.2f s (sparse users x dense similarities, batches of %d): %d"
           " recommendations"
           % (users, len(pairs), items, building, keep, fitting, seconds - fitting, batch, recommended))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder")
    parser.add_argument("scenarios", nargs="*", default=SCENARIOS)
    parser.add_argument("--telco", default=os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared",
                                                        "data", "telco-customer-churn.csv"))
    arguments = parser.parse_args()
    for scenario in arguments.scenarios:
        if scenario not in SCENARIOS:
            parser.error("unknown scenario %s (%s)" % (scenario, " ".join(SCENARIOS)))
    for scenario in SCENARIOS:
        if scenario not in arguments.scenarios:
            continue
        if scenario.startswith("clv-"):
            clv(arguments.folder, scenario)
        elif scenario == "kmeans-1m":
            kmeans(arguments.folder, scenario)
        elif scenario == "churn-telco":
            churn(arguments.telco, scenario)
        elif scenario == "recommendations-100k":
            recommendations(arguments.folder, scenario)
        elif scenario == "scoring-1m":
            scoring(arguments.folder, arguments.telco, scenario)


if __name__ == "__main__":
    sys.exit(main())
