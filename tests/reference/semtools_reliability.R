# Reliability of the fitted (joint) measurement model: semTools::compRelSEM and
# semTools::AVE (semTools 0.5.6, lavaan 0.6.14; Debian r-cran-semtools r-cran-lavaan) for
# cxlab.psychometrics.model_reliability, plus the Fornell & Larcker (1981) CR and AVE from
# lavaan's standardized loadings (std.all).
# Run from the repository root:
#   Rscript tests/reference/semtools_reliability.R
# It reads the bundled CSV files (datasets/, tests/reference/hs_missing.csv; read only) and
# writes tests/reference/semtools_reliability.json, read by tests/test_model_reliability.py
# (which never runs R). Each quantity is stored as {group: {factor: value}}; a one-group
# model's only group is "all" (cxlab's name for it).
options(mc.cores = 1)
suppressPackageStartupMessages({library(lavaan); library(semTools); library(jsonlite)})

read_dataset <- function(name) read.csv(file.path("datasets", paste0(name, ".csv")))
hs <- read_dataset("holzinger_swineford")
pd <- read_dataset("political_democracy")
hs_missing <- read.csv(file.path("tests", "reference", "hs_missing.csv"))

# semTools returns a named vector for one group and a data.frame (column "group") for more
by_group <- function(x) {
  if (is.data.frame(x)) {
    out <- lapply(seq_len(nrow(x)), function(i) as.list(unlist(x[i, names(x) != "group"])))
    return(setNames(out, as.character(x$group)))
  }
  list(all = as.list(setNames(as.numeric(x), names(x))))
}

# Fornell & Larcker (1981) from lavaan's standardized loadings, per group and factor:
# CR = (sum l)^2 / ((sum l)^2 + sum(1 - l^2)), AVE = mean(l^2)
fornell_larcker <- function(fit) {
  std <- standardizedSolution(fit)
  std <- std[std$op == "=~", ]
  if (is.null(std$group)) std$group <- 1L
  labels <- lavInspect(fit, "group.label")
  if (!length(labels)) labels <- "all"
  per <- function(what) {
    setNames(lapply(seq_along(labels), function(g) {
      part <- std[std$group == g, ]
      facs <- unique(part$lhs)
      as.list(setNames(vapply(facs, function(f) {
        l <- part$est.std[part$lhs == f]
        if (what == "cr") sum(l)^2 / (sum(l)^2 + sum(1 - l^2)) else mean(l^2)
      }, numeric(1)), facs))
    }), labels)
  }
  list(cr = per("cr"), ave = per("ave"))
}

reference <- function(fit, model, ...) {
  fl <- fornell_larcker(fit)
  settings <- list(...)
  if (!length(settings)) settings <- setNames(list(), character(0))  # {} in the JSON
  list(
    model = model,
    settings = settings,
    omega = by_group(compRelSEM(fit)),
    omega_model_implied = by_group(compRelSEM(fit, obs.var = FALSE)),
    alpha_tau_eq = by_group(compRelSEM(fit, tau.eq = TRUE)),
    omega_total = by_group(compRelSEM(fit, return.total = TRUE)),
    alpha_total = by_group(compRelSEM(fit, tau.eq = TRUE, return.total = TRUE)),
    omega_keep_single = by_group(compRelSEM(fit, dropSingle = FALSE)),
    ave = by_group(AVE(fit)),
    ave_model_implied = by_group(AVE(fit, obs.var = FALSE)),
    fornell_larcker_cr = fl$cr,
    fornell_larcker_ave = fl$ave
  )
}

hs_model <- "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9"
pd_model <- paste(
  "ind60 =~ x1 + x2 + x3", "dem60 =~ y1 + y2 + y3 + y4", "dem65 =~ y5 + y6 + y7 + y8",
  "y1 ~~ y5", "y2 ~~ y4 + y6", "y3 ~~ y7", "y4 ~~ y8", "y6 ~~ y8", sep = "\n")
# the Political Democracy SEM: the factor variances of dem60 and dem65 are implied ones
pd_sem <- paste(pd_model, "dem60 ~ ind60", "dem65 ~ ind60 + dem60", sep = "\n")
# a single-indicator factor (its residual variance fixed at 0): dropped unless dropSingle = FALSE
hs_single <- "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7\nx7 ~~ 0*x7"

out <- list(
  semtools = as.character(packageVersion("semTools")),
  lavaan = as.character(packageVersion("lavaan")),
  holzinger_swineford = reference(cfa(hs_model, data = hs), hs_model),
  political_democracy = reference(cfa(pd_model, data = pd), pd_model),
  political_democracy_sem = reference(sem(pd_sem, data = pd), pd_sem),
  holzinger_swineford_groups = reference(cfa(hs_model, data = hs, group = "school"), hs_model,
                                         group = "school"),
  holzinger_swineford_std_lv = reference(cfa(hs_model, data = hs, std.lv = TRUE), hs_model,
                                         std_lv = TRUE),
  holzinger_swineford_fiml = reference(cfa(hs_model, data = hs_missing, missing = "ml"),
                                       hs_model, missing = "fiml"),
  holzinger_swineford_single = reference(cfa(hs_single, data = hs), hs_single)
)
writeLines(toJSON(out, auto_unbox = TRUE, pretty = TRUE, digits = NA),
           file.path("tests", "reference", "semtools_reliability.json"))
