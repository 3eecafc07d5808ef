# Reference numbers for cxlab.sem.standardized.standardized_solution: lavaan 0.6.14's
# standardizedSolution(fit, type = "std.all" | "std.lv" | "std.nox") — every parameter's
# standardized value with its delta-method SE, z, p and 95 % CI — on
#   political_democracy      Bollen's full SEM, residual covariances, labelled paths and
#                            two ':=' parameters (indirect and total effect)
#   hs_two_groups            Holzinger-Swineford 3-factor CFA, group = "school"
#   hs_two_groups_equal      the same with group.equal = "loadings"
#   hs_std_lv                the 3-factor CFA with std.lv = TRUE
#   hs_covariate             the 3-factor CFA with exogenous observed covariates
#                            (visual ~ ageyr + sex, speed ~ ageyr; fixed.x)
#   hs_covariate_means       the same with meanstructure = TRUE (fixed.x means)
#   hs_missing_fiml          the 3-factor CFA on tests/reference/hs_missing.csv with
#                            missing = "ml" (FIML, observed information)
# Run from the repository root (reads datasets/*.csv and tests/reference/hs_missing.csv,
# read only):
#   Rscript tests/reference/lavaan_standardized.R
# It writes tests/reference/lavaan_standardized.json; the tests never run R.
suppressPackageStartupMessages({library(lavaan); library(jsonlite)})
args <- commandArgs(trailingOnly = TRUE)
out_file <- if (length(args)) args[1] else "tests/reference/lavaan_standardized.json"

hs <- read.csv(file.path("datasets", "holzinger_swineford.csv"))
pdem <- read.csv(file.path("datasets", "political_democracy.csv"))
hs_missing <- read.csv(file.path("tests", "reference", "hs_missing.csv"))

pd_model <- '
  ind60 =~ x1 + x2 + x3
  dem60 =~ y1 + y2 + y3 + y4
  dem65 =~ y5 + y6 + y7 + y8
  dem60 ~ a*ind60
  dem65 ~ c*ind60 + b*dem60
  y1 ~~ y5
  y2 ~~ y4 + y6
  y3 ~~ y7
  y4 ~~ y8
  y6 ~~ y8
  indirect := a*b
  total := c + a*b
'
hs_model <- '
  visual =~ x1 + x2 + x3
  textual =~ x4 + x5 + x6
  speed =~ x7 + x8 + x9
'
cov_model <- paste(hs_model, 'visual ~ ageyr + sex\n  speed ~ ageyr\n')

solutions <- function(fit) {
  out <- list()
  for (type in c("std.all", "std.lv", "std.nox")) {
    ss <- standardizedSolution(fit, type = type)
    out[[type]] <- as.data.frame(ss)
  }
  out
}
case <- function(fit, model, data, ...) {
  opts <- list(...)
  if (!length(opts)) opts <- structure(list(), names = character(0))  # {} in JSON
  c(list(model = model, data = data, options = opts,
         ov_x = lavNames(fit, "ov.x"), nobs = sum(lavInspect(fit, "nobs")),
         converged = lavInspect(fit, "converged")),
    solutions(fit))
}

out <- list(lavaan = as.character(packageVersion("lavaan")))
out$political_democracy <- case(sem(pd_model, data = pdem), pd_model, "political_democracy")
out$hs_two_groups <- case(cfa(hs_model, data = hs, group = "school"), hs_model,
                          "holzinger_swineford", group = "school")
out$hs_two_groups_equal <- case(cfa(hs_model, data = hs, group = "school",
                                    group.equal = "loadings"),
                                hs_model, "holzinger_swineford", group = "school",
                                group_equal = "loadings")
out$hs_std_lv <- case(cfa(hs_model, data = hs, std.lv = TRUE), hs_model,
                      "holzinger_swineford", std_lv = TRUE)
out$hs_covariate <- case(sem(cov_model, data = hs), cov_model, "holzinger_swineford")
out$hs_covariate_means <- case(sem(cov_model, data = hs, meanstructure = TRUE), cov_model,
                               "holzinger_swineford", meanstructure = TRUE)
out$hs_missing_fiml <- case(cfa(hs_model, data = hs_missing, missing = "ml"), hs_model,
                            "tests/reference/hs_missing.csv", missing = "fiml")
writeLines(toJSON(out, auto_unbox = TRUE, pretty = TRUE, digits = NA, na = "null",
                  dataframe = "rows"), out_file)
cat("wrote", out_file, "\n")
