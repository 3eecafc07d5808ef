# Ordered items and continuous variables together, estimated by WLSMV (lavaan's
# defaults: polyserial / polychoric / Pearson correlations, DWLS, delta
# parameterisation, se = "robust.sem", test = "scaled.shifted", missing = "listwise")
# on the simulated survey tests/reference/ordinal_mixed.csv (written by ordinal_mixed.py).
#   Rscript tests/reference/lavaan_wlsmv_mixed.R tests/reference/lavaan_wlsmv_mixed.json
suppressMessages({library(lavaan); library(jsonlite)})
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(file.path(dirname(args[1]), "ordinal_mixed.csv"))
items <- c("q1", "q2", "q3", "s1", "s2", "s3")
# csat (0-100 slider) is a fourth indicator of S; spend (hundreds of yuan) an outcome
sem_model <- 'Q =~ q1 + q2 + q3
S =~ s1 + s2 + s3 + csat
S ~ a*Q
spend ~ b*S
ind := a*b'
# continuous variables first and between ordered ones (lavaan's variable order)
mixed_order <- 'S =~ csat + s1 + s2 + s3
Q =~ q1 + spend + q2 + q3'
cfa_model <- 'Q =~ q1 + q2 + q3
S =~ s1 + s2 + s3 + csat'
keys <- c("npar", "fmin", "chisq", "df", "pvalue", "chisq.scaled", "df.scaled",
          "pvalue.scaled", "chisq.scaling.factor", "baseline.chisq", "baseline.df",
          "baseline.chisq.scaled", "baseline.chisq.scaling.factor", "cfi", "tli",
          "cfi.scaled", "tli.scaled", "rmsea", "rmsea.ci.lower", "rmsea.ci.upper",
          "rmsea.pvalue", "rmsea.scaled", "rmsea.ci.lower.scaled", "rmsea.ci.upper.scaled",
          "rmsea.pvalue.scaled", "srmr")
sample_of <- function(fit, full) {
  gamma <- lavInspect(fit, "gamma")
  wls <- lavInspect(fit, "wls.obs")
  ss <- lavInspect(fit, "sampstat")
  if (!is.list(gamma)) { gamma <- list(gamma); wls <- list(wls); ss <- list(ss) }
  lapply(seq_along(gamma), function(g) list(
    wls_obs = unname(wls[[g]]), names = names(wls[[g]]), cov = unname(ss[[g]]$cov),
    gamma = if (full) unname(gamma[[g]]) else NULL,
    gamma_diag = unname(diag(gamma[[g]]))))
}
# full = TRUE keeps the whole Γ (lavaan's NACOV), otherwise its diagonal
summarise <- function(fit, full = FALSE) {
  pe <- parameterEstimates(fit, standardized = TRUE)
  cols <- intersect(c("lhs", "op", "rhs", "group", "label", "est", "se", "std.all"), names(pe))
  r2 <- lavInspect(fit, "r2")
  if (!is.list(r2)) r2 <- list(r2)
  list(estimates = pe[, cols],
       fit = as.list(fitMeasures(fit, keys)),
       shift = unname(fit@test$scaled.shifted$shift.parameter),
       r2 = lapply(r2, function(x) as.list(x)),
       n = lavInspect(fit, "ntotal"),
       sample = sample_of(fit, full))
}
sem_fit <- sem(sem_model, data = d, ordered = items, estimator = "WLSMV")
order_fit <- cfa(mixed_order, data = d, ordered = items)
stdlv_fit <- cfa(cfa_model, data = d, ordered = items, std.lv = TRUE)
dm <- d
dm$csat[seq(3, 700, by = 41)] <- NA
dm$q2[seq(7, 700, by = 59)] <- NA
miss_fit <- cfa(cfa_model, data = dm, ordered = items)
# a continuous covariate as the single indicator of a factor (residual variance 0): it is
# then endogenous, so lavaan fits it with the items (no conditional.x)
covariate_model <- 'S =~ s1 + s2 + s3
SP =~ spend
spend ~~ 0*spend
S ~ SP'
covariate_fit <- sem(covariate_model, data = d, ordered = c("s1", "s2", "s3"))
mg_config <- cfa(cfa_model, data = d, ordered = items, group = "channel")
mg_equal <- cfa(cfa_model, data = d, ordered = items, group = "channel",
                group.equal = c("thresholds", "loadings"))
out <- list(lavaan = as.character(packageVersion("lavaan")),
            items = items,
            sem = c(list(model = sem_model), summarise(sem_fit, full = TRUE)),
            order = c(list(model = mixed_order, ov = lavNames(order_fit)), summarise(order_fit, full = TRUE)),
            std_lv = c(list(model = cfa_model), summarise(stdlv_fit)),
            missing = c(list(model = cfa_model), summarise(miss_fit)),
            covariate = c(list(model = covariate_model, items = c("s1", "s2", "s3")),
                          summarise(covariate_fit)),
            mg_config = c(list(model = cfa_model,
                               group_labels = lavInspect(mg_config, "group.label")),
                          summarise(mg_config)),
            mg_equal = c(list(model = cfa_model), summarise(mg_equal)))
writeLines(toJSON(out, auto_unbox = TRUE, pretty = TRUE, digits = NA, na = "null"), args[1])
