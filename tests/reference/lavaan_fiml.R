# Reference numbers for cx.sem.fit(..., missing="fiml"): lavaan 0.6.14 (Debian package
# r-cran-lavaan) with missing = "ml" (full-information ML, defaults otherwise: observed
# information from the Hessian, H1 and baseline fitted to the incomplete data).
# Run from the repository root:
#   Rscript tests/reference/lavaan_fiml.R
# It writes the incomplete data sets tests/reference/hs_missing.csv (Holzinger-Swineford
# with missing at random: the higher x1, the more often x2..x9 are missing; two rows
# empty) and tests/reference/pd_missing.csv (Political Democracy, 10 % missing completely
# at random), then tests/reference/lavaan_fiml.json. The test suite reads the CSV and
# JSON files; it never runs R.
suppressPackageStartupMessages({library(lavaan); library(jsonlite)})

fit_block <- function(fit) {
  fm <- fitMeasures(fit, c("npar", "chisq", "df", "pvalue", "baseline.chisq", "baseline.df",
                           "cfi", "tli", "rmsea", "rmsea.ci.lower", "rmsea.ci.upper",
                           "rmsea.pvalue", "srmr", "logl", "unrestricted.logl", "aic", "bic",
                           "bic2", "ntotal"))
  pe <- parameterEstimates(fit, standardized = TRUE)
  pe <- pe[, intersect(c("lhs", "op", "rhs", "group", "label", "est", "se", "z", "pvalue",
                         "std.all"), names(pe))]
  list(fit = as.list(unclass(fm)), estimates = pe,
       nobs = lavInspect(fit, "nobs"), converged = lavInspect(fit, "converged"),
       information = lavInspect(fit, "options")$information[1])
}

out <- list(versions = list(lavaan = as.character(packageVersion("lavaan"))))

# 1. Holzinger-Swineford 3-factor CFA, missing at random depending on x1
hs <- read.csv("datasets/holzinger_swineford.csv")[, c("id", "school", paste0("x", 1:9))]
set.seed(20261125)
z1 <- as.numeric(scale(hs$x1))
for (v in paste0("x", 2:9)) {
  hs[[v]][runif(nrow(hs)) < plogis(-2.1 + 0.8 * z1)] <- NA
}
hs[c(17, 123), paste0("x", 1:9)] <- NA  # answered nothing: lavaan drops these rows
write.csv(hs, "tests/reference/hs_missing.csv", row.names = FALSE, na = "")
hs <- read.csv("tests/reference/hs_missing.csv")
hs_model <- '
  visual  =~ x1 + x2 + x3
  textual =~ x4 + x5 + x6
  speed   =~ x7 + x8 + x9
'
out$holzinger_swineford <- c(list(model = hs_model,
                                  missing_share = mean(is.na(hs[, paste0("x", 1:9)]))),
                             fit_block(cfa(hs_model, data = hs, missing = "ml")))

# 2. The same, two schools, loadings and intercepts held equal (factor means free in
#    the second school)
out$holzinger_swineford_school <- c(list(model = hs_model, group = "school",
                                         group_equal = c("loadings", "intercepts")),
  fit_block(cfa(hs_model, data = hs, group = "school",
                group.equal = c("loadings", "intercepts"), missing = "ml")))

# 3. Political democracy (Bollen 1989) with equality labels and an indirect effect,
#    10 % of the values missing completely at random
pd <- read.csv("datasets/political_democracy.csv")
set.seed(20261126)
for (v in names(pd)) pd[[v]][runif(nrow(pd)) < 0.10] <- NA
write.csv(pd, "tests/reference/pd_missing.csv", row.names = FALSE, na = "")
pd <- read.csv("tests/reference/pd_missing.csv")
pd_model <- '
  ind60 =~ x1 + x2 + x3
  dem60 =~ y1 + a*y2 + b*y3 + c*y4
  dem65 =~ y5 + a*y6 + b*y7 + c*y8
  dem60 ~ p*ind60
  dem65 ~ ind60 + q*dem60
  y1 ~~ y5
  y2 ~~ y4 + y6
  y3 ~~ y7
  y4 ~~ y8
  y6 ~~ y8
  indirect := p*q
'
out$political_democracy <- c(list(model = pd_model, missing_share = mean(is.na(pd))),
                             fit_block(sem(pd_model, data = pd, missing = "ml")))

# 4. Exogenous observed predictors (fixed.x): lavaan drops the rows missing on x1 or x2
exo_model <- '
  dem60 =~ y1 + y2 + y3 + y4
  dem60 ~ x1 + x2
'
out$political_democracy_exo <- c(list(model = exo_model),
                                 fit_block(sem(exo_model, data = pd, missing = "ml")))
#    ... and on the complete data (the baseline model keeps cov(x1, x2))
out$political_democracy_exo_complete <- c(list(model = exo_model),
  fit_block(sem(exo_model, data = read.csv("datasets/political_democracy.csv"))))

# 5. Retail omnichannel survey (simulated, 1.5 % of the answers missing at random)
retail <- read.csv("datasets/retail_omnichannel.csv")
retail_model <- '
  CONS  =~ cons1 + cons2 + cons3 + cons4
  TRUST =~ trust1 + trust2 + trust3
  SAT   =~ sat1 + sat2 + sat3
  LI    =~ li1 + li2 + li3
  TRUST ~ CONS
  SAT   ~ CONS + TRUST
  LI    ~ SAT + TRUST
'
out$retail_omnichannel <- c(list(model = retail_model),
                            fit_block(sem(retail_model, data = retail, missing = "ml")))

writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, pretty = TRUE, na = "null",
                  dataframe = "rows"),
           "tests/reference/lavaan_fiml.json")
cat("wrote tests/reference/lavaan_fiml.json\n")
