# Reference numbers for cxlab.experiments.sample_size / mde from base R (stats) only:
# power.prop.test (two proportions; untransformed difference, pooled variance under H0)
# and power.t.test (two-sample t, non-central t). cxlab uses statsmodels' NormalIndPower
# on Cohen's arcsine h for proportions and TTestIndPower for means, so proportions agree
# to about 0.5 % in n, means exactly up to rounding (see tests/test_experiments_ab.py).
# Run from the repository root:
#   Rscript tests/reference/ab_power.R
# It writes tests/reference/ab_power.json (no data are read).
suppressPackageStartupMessages(library(jsonlite))

prop_cases <- list(
  list(p1 = 0.10, p2 = 0.12, power = 0.80, sig = 0.05),
  list(p1 = 0.05, p2 = 0.06, power = 0.80, sig = 0.05),
  list(p1 = 0.30, p2 = 0.35, power = 0.90, sig = 0.05),
  list(p1 = 0.50, p2 = 0.55, power = 0.80, sig = 0.01)
)
mean_cases <- list(
  list(delta = 0.2, sd = 1.0, power = 0.80, sig = 0.05),
  list(delta = 0.5, sd = 1.2, power = 0.90, sig = 0.05),
  list(delta = 3.0, sd = 10, power = 0.80, sig = 0.01)
)
prop <- lapply(prop_cases, function(k) {
  r <- power.prop.test(p1 = k$p1, p2 = k$p2, power = k$power, sig.level = k$sig)
  c(k, list(n = r$n))
})
# the inverse: the detectable p2 for a given n (mde = p2 - p1)
prop_mde <- lapply(list(list(p1 = 0.10, n = 2000, power = 0.8, sig = 0.05),
                        list(p1 = 0.30, n = 500, power = 0.8, sig = 0.05)), function(k) {
  r <- power.prop.test(n = k$n, p1 = k$p1, power = k$power, sig.level = k$sig)
  c(k, list(p2 = r$p2))
})
means <- lapply(mean_cases, function(k) {
  r <- power.t.test(delta = k$delta, sd = k$sd, power = k$power, sig.level = k$sig)
  c(k, list(n = r$n))
})
mean_mde <- lapply(list(list(n = 100, sd = 1.0, power = 0.8, sig = 0.05),
                        list(n = 400, sd = 2.0, power = 0.9, sig = 0.05)), function(k) {
  r <- power.t.test(n = k$n, sd = k$sd, power = k$power, sig.level = k$sig)
  c(k, list(delta = r$delta))
})
out <- list(
  r_version = R.version.string,
  proportion = prop, proportion_mde = prop_mde,
  mean = means, mean_mde = mean_mde
)
write_json(out, "tests/reference/ab_power.json", auto_unbox = TRUE, digits = NA, pretty = TRUE)
