# Reference numbers for cxlab.profit_chain from R: nlme::lme and lme4::lmer
# (random-intercept models, REML and ML; under ML nlme's fixed-effect SEs use
# sigma^2 * N / (N - p), lme4's do not), a hand one-way ANOVA (aov) for ICC(1) / ICC(2) with the formulas of
# multilevel::ICC1 / ICC2 (the multilevel package is not installed here; its code is
# (MSB - MSW) / (MSB + (N/G - 1) * MSW) and (MSB - MSW) / MSB), and lavaan::sem for the
# path model on unit means.
# Run from the repository root:
#   Rscript tests/reference/profit_chain.R
# It reads datasets/service_profit_chain_{units,employees,customers}.csv (read only) and
# writes tests/reference/profit_chain.json.
suppressPackageStartupMessages({
  library(jsonlite)
  library(nlme)
  library(lme4)
  library(lavaan)
})

read <- function(t) read.csv(sprintf("datasets/service_profit_chain_%s.csv", t))
units <- read("units")
emp <- read("employees")
cus <- read("customers")

centre <- function(d, x) {
  m <- ave(d[[x]], d$unit_id)
  d[[paste0(x, "_within")]] <- d[[x]] - m
  d[[paste0(x, "_between")]] <- m
  d
}
emp <- centre(emp, "isq")
cus <- centre(cus, "value")

lme_fit <- function(formula, d, method) {
  f <- lme(formula, random = ~ 1 | unit_id, data = d, method = method,
           control = lmeControl(tolerance = 1e-10, msTol = 1e-10))
  tab <- summary(f)$tTable
  vc <- as.numeric(VarCorr(f)[, "Variance"])
  list(
    term = rownames(tab),
    est = unname(tab[, "Value"]),
    se = unname(tab[, "Std.Error"]),
    between = vc[1],
    within = vc[2],
    loglik = as.numeric(logLik(f))
  )
}

lmer_fit <- function(formula, d, method) {
  f <- lmer(update(formula, . ~ . + (1 | unit_id)), data = d, REML = method == "REML",
            control = lmerControl(optimizer = "bobyqa",
                                  optCtrl = list(rhobeg = 1e-3, rhoend = 1e-10)))
  tab <- summary(f)$coefficients
  vc <- as.data.frame(VarCorr(f))$vcov
  list(term = rownames(tab), est = unname(tab[, "Estimate"]),
       se = unname(tab[, "Std. Error"]), between = vc[1], within = vc[2],
       loglik = as.numeric(logLik(f)))
}

models <- list(
  esat_isq = list(formula = esat ~ isq, data = emp),
  esat_isq_centred = list(formula = esat ~ isq_within + isq_between, data = emp),
  csat_value_centred = list(formula = csat ~ value_within + value_between, data = cus),
  recommend_csat = list(formula = recommend ~ csat, data = cus)
)
lme_out <- list()
lmer_out <- list()
for (name in names(models)) {
  for (method in c("REML", "ML")) {
    key <- paste(name, method)
    lme_out[[key]] <- lme_fit(models[[name]]$formula, models[[name]]$data, method)
    lmer_out[[key]] <- lmer_fit(models[[name]]$formula, models[[name]]$data, method)
  }
}

icc_anova <- function(d, y) {
  a <- summary(aov(d[[y]] ~ factor(d$unit_id)))[[1]]
  msb <- a[1, "Mean Sq"]
  msw <- a[2, "Mean Sq"]
  gsize <- (a[2, "Df"] + (a[1, "Df"] + 1)) / (a[1, "Df"] + 1)
  list(icc1 = (msb - msw) / (msb + (gsize - 1) * msw), icc2 = (msb - msw) / msb,
       F = a[1, "F value"])
}
icc_out <- list()
for (v in c("isq", "esat", "stay")) icc_out[[v]] <- icc_anova(emp, v)
for (v in c("value", "csat", "recommend")) icc_out[[v]] <- icc_anova(cus, v)

means <- merge(
  aggregate(cbind(isq, esat, stay) ~ unit_id, emp, mean),
  aggregate(cbind(value, csat, recommend) ~ unit_id, cus, mean)
)
means <- merge(means, units)
model <- "esat ~ isq
turnover ~ esat
value ~ esat + turnover
csat ~ value
recommend ~ csat
revenue_growth ~ recommend"
fit <- sem(model, data = means)
pe <- parameterEstimates(fit, standardized = TRUE)
pe <- pe[pe$op == "~", ]
paths <- list(lhs = pe$lhs, rhs = pe$rhs, est = pe$est, se = pe$se, std_all = pe$std.all)
fm <- fitMeasures(fit, c("chisq", "df", "npar"))

write_json(
  list(
    r_version = R.version.string,
    nlme = as.character(packageVersion("nlme")),
    lavaan = as.character(packageVersion("lavaan")),
    lme4 = as.character(packageVersion("lme4")),
    lme = lme_out,
    lmer = lmer_out,
    icc = icc_out,
    unit_paths = list(paths = paths, chisq = fm[["chisq"]], df = fm[["df"]],
                      npar = fm[["npar"]])
  ),
  "tests/reference/profit_chain.json",
  digits = NA, auto_unbox = TRUE, pretty = TRUE
)
