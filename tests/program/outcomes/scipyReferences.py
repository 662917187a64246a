"""Prints the reference values the outcome tests compare with (scipy 1.17.1, numpy 2.4.6 when they were written).

Run: python3 tests/program/outcomes/scipyReferences.py   (the exhaustive permutation test takes a few minutes)
"""
import numpy as np
import scipy
from scipy import special, stats

print("scipy", scipy.__version__, "numpy", np.__version__)

print("-- normalDistribution.test.ts: erfc(x); norm.sf(z), norm.cdf(z); norm.ppf(0.975)")
for x in [-3, -1, -0.5, 0, 1e-8, 0.1, 0.5, 1, 1.4999, 1.5, 2, 3, 5, 10, 20, 26.5]:
    print(x, repr(float(special.erfc(x))))
for z in [-2.5, 0, 1, 1.959963984540054, 3, 6, 12.13, 19.79, 30]:
    print(z, repr(float(stats.norm.sf(z))), repr(float(stats.norm.cdf(z))))
print(repr(float(stats.norm.ppf(0.975))))

print("-- statistics.test.ts: McNemar = binomtest(min(up, down), up + down, 0.5).pvalue")
for up, down in [(7, 1), (5, 0), (150, 86), (1200, 1050), (2000, 3000), (60, 0)]:
    print(up, down, repr(float(stats.binomtest(min(up, down), up + down, 0.5).pvalue)))

print("-- statistics.test.ts: two proportions (pooled z, unpooled Wald interval)")
Z95 = stats.norm.ppf(0.975)
for p1, n1, p2, n2 in [(0.45, 15000, 0.52, 15000), (0.58, 15000, 0.69, 15000), (104 / 11037, 11037, 189 / 11034, 11034),
                       (0.3, 20, 0.7, 20), (0.45, 15000, 0.46, 15000), (0.5, 100, 0.5, 300),
                       (0.45, 15000, 0.47, 15000)]:
    d = p2 - p1
    pooled = (p1 * n1 + p2 * n2) / (n1 + n2)
    z = d / np.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    se = np.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2)
    print(p1, n1, p2, n2, "z", repr(float(z)), "p", repr(float(2 * stats.norm.sf(abs(z)))), "d", repr(float(d)),
          "ci", repr(float(max(-1, d - Z95 * se))), repr(float(min(1, d + Z95 * se))))


def wilson(x, n):
    ci = stats.binomtest(x, n).proportion_ci(0.95, method="wilson")
    return ci.low, ci.high


def newcombe(both, up, down, neither):
    """Newcombe (1998) method 10 for post − pre; post favorable = both + up, pre favorable = both + down."""
    n = both + up + down + neither
    post, pre = (both + up) / n, (both + down) / n
    l1, u1 = wilson(both + up, n)
    l2, u2 = wilson(both + down, n)
    margins = (both + up) * (down + neither) * (both + down) * (up + neither)
    phi = 0.0
    if margins > 0:
        b = both * neither - up * down
        phi = (b - n / 2 if b > n / 2 else (0 if b >= 0 else b)) / np.sqrt(margins)
    lower = post - pre - np.sqrt((post - l1) ** 2 - 2 * phi * (post - l1) * (u2 - pre) + (u2 - pre) ** 2)
    upper = post - pre + np.sqrt((u1 - post) ** 2 - 2 * phi * (u1 - post) * (pre - l2) + (pre - l2) ** 2)
    return repr(float(max(-1, lower))), repr(float(min(1, upper)))


print("-- statistics.test.ts: Newcombe paired interval (both, up, down, neither) and Wilson limits")
for table in [(59, 6, 16, 80), (1, 1, 7, 12), (8, 5, 0, 7), (10, 0, 0, 10), (0, 10, 0, 0), (12, 3, 3, 2)]:
    print(table, newcombe(*table))
print("wilson(5, 20)", wilson(5, 20), "wilson(0, 10)", wilson(0, 10))


def w_plus(d):
    d = d[d != 0]
    ranks = stats.rankdata(np.abs(d))
    return ranks[d > 0].sum()


def spread(count):
    return [((k + 1) * 37) % 101 - 50 + (k + 1) / 1000 for k in range(count)]


print("-- wilcoxon.test.ts: W+, p, |z| without continuity correction")
for name, d, kwargs in [
    ("small survey", [1, 1, 2, 0, -1, 1, 3, 1, 0, 2], {}),
    ("all tied", [1, 1, 1, 1, 1], {}),
    ("single", [2], {}),
    ("spread(12)", spread(12), {"method": "exact"}),
    ("spread(50)", spread(50), {}),
    ("spread(51)", spread(51), {"method": "asymptotic", "correction": True}),
    ("60 survey", [((k + 1) * 5) % 7 - 2 for k in range(60)], {"method": "asymptotic", "correction": True}),
    ("spread(300)", spread(300), {"method": "asymptotic", "correction": True}),
]:
    d = np.asarray(d, dtype=float)
    result = stats.wilcoxon(d, **kwargs)
    z = stats.wilcoxon(d, method="asymptotic", correction=False).zstatistic
    print(name, "W+", w_plus(d), "min", result.statistic, "p", repr(float(result.pvalue)), "|z|", repr(abs(float(z))))

d = np.asarray([4, 2, 0, -2, 5, 3, 1, -1, -3, 4, 2, 0, -2, 5, 3, 1, -1, -3, 4, 2], dtype=float)
exhaustive = stats.permutation_test((d,), lambda s, axis=-1: np.apply_along_axis(w_plus, axis, s), permutation_type="samples",
                                    n_resamples=np.inf, alternative="two-sided", vectorized=True)
print("20 survey (exhaustive permutation)", "W+", w_plus(d), "p", repr(float(exhaustive.pvalue)))

print("-- eosRules.test.ts: difference in differences (stratified binomial variance, waves independent)")


def side(rows):
    n = sum(count for _, count in rows)
    p = sum(share * count for share, count in rows) / n
    return p, sum(count * share * (1 - share) for share, count in rows) / n ** 2


for name, before_p, after_p, before_r, after_r in [
    ("units", [(0.40, 3000), (0.50, 1000)], [(0.52, 3000), (0.60, 1000)], [(0.46, 6000), (0.45, 5000)], [(0.50, 6000), (0.48, 5000)]),
    ("small", [(0.45, 120)], [(0.52, 110)], [(0.45, 400)], [(0.46, 380)]),
]:
    (p1, v1), (p2, v2), (r1, w1), (r2, w2) = side(before_p), side(after_p), side(before_r), side(after_r)
    did = (p2 - p1) - (r2 - r1)
    se = np.sqrt(v1 + v2 + w1 + w2)
    z = did / se
    print(name, "sides", repr(p1 * 100), repr(p2 * 100), repr(r1 * 100), repr(r2 * 100), "did", repr(did * 100), "se", repr(float(se)),
          "z", repr(float(z)), "p", repr(float(2 * stats.norm.sf(abs(z)))), "ci", repr(float((did - Z95 * se) * 100)), repr(float((did + Z95 * se) * 100)))
