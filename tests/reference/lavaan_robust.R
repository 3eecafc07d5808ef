# Reference numbers for cx.sem.fit(..., estimator = "MLR" | "MLM"): lavaan 0.6.14 (Debian
# package r-cran-lavaan). MLR = ML estimates, Huber-White (sandwich) SEs from the observed
# information and the casewise scores, Yuan-Bentler scaled test (lavaan's default for MLR,
# "yuan.bentler.mplus"); MLM = expected information, robust.sem SEs, Satorra-Bentler test.
# Run from the repository root:
#   Rscript tests/reference/lavaan_robust.R
# It writes tests/reference/lavaan_robust.json; the test suite never runs R.
suppressPackageStartupMessages({library(lavaan); library(jsonlite)})

measures <- c("npar", "chisq", "df", "pvalue", "chisq.scaled", "df.scaled", "pvalue.scaled",
              "chisq.scaling.factor", "baseline.chisq", "baseline.df", "baseline.chisq.scaled",
              "baseline.chisq.scaling.factor", "cfi", "tli", "cfi.scaled", "tli.scaled",
              "cfi.robust", "tli.robust", "rmsea", "rmsea.ci.lower", "rmsea.ci.upper",
              "rmsea.pvalue", "rmsea.scaled", "rmsea.ci.lower.scaled", "rmsea.ci.upper.scaled",
              "rmsea.pvalue.scaled", "rmsea.robust", "rmsea.ci.lower.robust",
              "rmsea.ci.upper.robust", "rmsea.pvalue.robust", "srmr", "logl", "aic", "bic",
              "bic2", "ntotal")

fit_block <- function(fit) {
  fm <- fitMeasures(fit, intersect(measures, names(fitMeasures(fit))))
  pe <- parameterEstimates(fit, standardized = TRUE)
  pe <- pe[, intersect(c("lhs", "op", "rhs", "group", "label", "est", "se", "z", "pvalue",
                         "ci.lower", "ci.upper", "std.all"), names(pe))]
  list(fit = as.list(unclass(fm)), estimates = pe,
       nobs = lavInspect(fit, "nobs"), converged = lavInspect(fit, "converged"))
}

lrt <- function(...) {
  t <- lavTestLRT(...)
  list(chisq = t[["Chisq"]], df = t[["Df"]], delta_chisq = t[["Chisq diff"]],
       delta_df = t[["Df diff"]], p_delta = t[["Pr(>Chisq)"]],
       method = attr(t, "heading"))
}

out <- list(versions = list(lavaan = as.character(packageVersion("lavaan"))))

hs <- read.csv("datasets/holzinger_swineford.csv")
hs_model <- '
  visual  =~ x1 + x2 + x3
  textual =~ x4 + x5 + x6
  speed   =~ x7 + x8 + x9
'
one_model <- 'g =~ x1 + x2 + x3 + x4 + x5 + x6 + x7 + x8 + x9'
pd <- read.csv("datasets/political_democracy.csv")
pd_model <- '
  ind60 =~ x1 + x2 + x3
  dem60 =~ y1 + a*y2 + b*y3 + c*y4
  dem65 =~ y5 + a*y6 + b*y7 + c*y8
  dem60 ~ g1*ind60
  dem65 ~ g2*ind60 + g3*dem60
  y1 ~~ y5
  y2 ~~ y4 + y6
  y3 ~~ y7
  y4 ~~ y8
  y6 ~~ y8
  indirect := g1*g3
  total := g2 + g1*g3
'
cov_model <- '
  visual  =~ x1 + x2 + x3
  textual =~ x4 + x5 + x6
  visual ~ ageyr + grade
  textual ~ ageyr
'
hs_cov <- hs[!is.na(hs$grade), ]

for (est in c("MLR", "MLM")) {
  key <- tolower(est)
  out[[paste0("hs_", key)]] <- c(list(model = hs_model, estimator = est),
    fit_block(cfa(hs_model, data = hs, estimator = est)))
  out[[paste0("pd_", key)]] <- c(list(model = pd_model, estimator = est),
    fit_block(sem(pd_model, data = pd, estimator = est)))
  out[[paste0("hs_school_", key)]] <- c(list(model = hs_model, estimator = est,
                                             group = "school"),
    fit_block(cfa(hs_model, data = hs, group = "school", estimator = est)))
  out[[paste0("hs_covariates_", key)]] <- c(list(model = cov_model, estimator = est,
                                                  rows = "grade not missing"),
    fit_block(sem(cov_model, data = hs_cov, estimator = est)))
  three <- cfa(hs_model, data = hs, estimator = est)
  one <- cfa(one_model, data = hs, estimator = est)
  out[[paste0("lrt_factors_", key)]] <- lrt(three, one)
  configural <- cfa(hs_model, data = hs, group = "school", estimator = est)
  metric <- cfa(hs_model, data = hs, group = "school", group.equal = "loadings",
                estimator = est)
  scalar <- cfa(hs_model, data = hs, group = "school",
                group.equal = c("loadings", "intercepts"), estimator = est)
  out[[paste0("hs_metric_", key)]] <- c(list(model = hs_model, estimator = est,
                                             group = "school", group_equal = "loadings"),
                                        fit_block(metric))
  out[[paste0("lrt_invariance_", key)]] <- lrt(configural, metric, scalar)
}

# MLR with FIML (lavaan: missing = "ml"; information observed, h1 unstructured for the test)
hsm <- read.csv("tests/reference/hs_missing.csv")
pdm <- read.csv("tests/reference/pd_missing.csv")
out$hs_fiml_mlr <- c(list(model = hs_model, estimator = "MLR", missing = "ml"),
  fit_block(cfa(hs_model, data = hsm, estimator = "MLR", missing = "ml")))
out$pd_fiml_mlr <- c(list(model = pd_model, estimator = "MLR", missing = "ml"),
  fit_block(sem(pd_model, data = pdm, estimator = "MLR", missing = "ml")))
out$hs_school_fiml_mlr <- c(list(model = hs_model, estimator = "MLR", missing = "ml",
                                 group = "school", group_equal = "loadings"),
  fit_block(cfa(hs_model, data = hsm, estimator = "MLR", missing = "ml", group = "school",
                group.equal = "loadings")))

write_json(out, "tests/reference/lavaan_robust.json", digits = NA, auto_unbox = TRUE,
           pretty = TRUE, na = "null")
