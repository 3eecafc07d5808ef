# Reference numbers from lavaan (Debian package r-cran-lavaan) for cx.sem.growth on the
# simulated customer panel datasets/satisfaction_waves.csv (lesson 10, section 7): a linear
# growth curve over four quarterly waves, growth factors regressed on loyalty-programme
# membership, each wave's satisfaction on that quarter's service problem (a time-varying
# covariate). Customers drop out of the panel (missing at random), so the model is fitted
# twice: with FIML (missing = "ml") and listwise (lavaan's default).
# Run from the repository root:
#   Rscript tests/reference/lavaan_growth_waves.R
# It writes tests/reference/lavaan_growth_waves.json; tests/test_sem_growth_waves.py reads it
# and never runs R.
suppressPackageStartupMessages({library(lavaan); library(jsonlite)})

waves <- read.csv("datasets/satisfaction_waves.csv")

model <- '
  i =~ 1*sat1 + 1*sat2 + 1*sat3 + 1*sat4
  s =~ 0*sat1 + 1*sat2 + 2*sat3 + 3*sat4
  i + s ~ member
  sat1 ~ problem1
  sat2 ~ problem2
  sat3 ~ problem3
  sat4 ~ problem4
'

fit_block <- function(fit) {
  fm <- fitMeasures(fit, c("npar", "chisq", "df", "pvalue", "cfi", "tli", "rmsea", "srmr",
                           "logl", "aic", "bic", "ntotal"))
  pe <- parameterEstimates(fit, standardized = TRUE)
  pe <- pe[, c("lhs", "op", "rhs", "est", "se", "ci.lower", "ci.upper", "std.all")]
  list(fit = as.list(unclass(fm)), estimates = pe,
       converged = lavInspect(fit, "converged"),
       admissible = lavInspect(fit, "post.check"))
}

out <- list(versions = list(lavaan = as.character(packageVersion("lavaan")),
                            R = paste(R.version$major, R.version$minor, sep = ".")),
            data = "datasets/satisfaction_waves.csv", model = model)
out$fiml <- c(list(options = list("function" = "growth", missing = "ml")),
              fit_block(growth(model, data = waves, missing = "ml")))
out$listwise <- c(list(options = list("function" = "growth", missing = "listwise")),
                  fit_block(growth(model, data = waves)))

writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, pretty = TRUE, na = "null",
                  dataframe = "rows"),
           "tests/reference/lavaan_growth_waves.json")
