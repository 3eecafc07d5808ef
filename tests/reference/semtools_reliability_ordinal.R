# Reliability of a fitted measurement model with ORDERED indicators (lavaan's WLSMV):
# semTools::compRelSEM (categorical omega of Green & Yang 2009 with ord.scale = TRUE, the
# latent-response version with ord.scale = FALSE, alpha with tau.eq = TRUE) and
# semTools::AVE (semTools 0.5.6, lavaan 0.6.14; Debian r-cran-semtools r-cran-lavaan), for
# cxlab.psychometrics.comp_rel_sem / ave / model_reliability on WLSMV fits, plus the
# Fornell & Larcker (1981) CR and AVE from lavaan's standardized loadings (std.all).
# Run from the repository root:
#   Rscript tests/reference/semtools_reliability_ordinal.R
# It reads tests/reference/ordinal_cx.csv (the simulated 5-point survey written by
# ordinal_cx.py; read only) and writes tests/reference/semtools_reliability_ordinal.json,
# read by tests/test_model_reliability.py (which never runs R). Each quantity is stored as
# {group: {factor: value}}; a one-group model's only group is "all" (cxlab's name for it).
#
# Two fits mix ordered items with continuous variables (polyserial correlations; settings
# "ordered" names the ordered ones): semTools gives NA for a factor with both kinds of
# indicators (except alpha with tau.eq = TRUE, ord.scale = TRUE) and no "total" then.
#
# compRelSEM(fit, return.total = TRUE) with ord.scale = TRUE and tau.eq = FALSE stops in
# semTools 0.5.6 ("non-conformable arguments": it passes the SUM of the common covariance
# matrix to omegaCat, which expects the matrix). The error is stored under
# "omega_total_error"; "omega_total_cat" is semTools:::omegaCat called with the matrix
# itself (LAMBDA PHI LAMBDA' of all items), the same arguments otherwise as compRelSEM.
options(mc.cores = 1)
suppressPackageStartupMessages({library(lavaan); library(semTools); library(jsonlite)})

d <- read.csv(file.path("tests", "reference", "ordinal_cx.csv"))
# listwise deletion with missing answers (lavaan's default for WLSMV), as lavaan_wlsmv.R
dm <- d
dm$q1[seq(1, 800, by = 37)] <- NA
dm$s2[seq(5, 800, by = 53)] <- NA

# semTools returns a named vector for one group and a data.frame (column "group") for more
by_group <- function(x) {
  if (is.data.frame(x)) {
    out <- lapply(seq_len(nrow(x)), function(i) as.list(unlist(x[i, names(x) != "group"])))
    return(setNames(out, as.character(x$group)))
  }
  list(all = as.list(setNames(as.numeric(x), names(x))))
}

group_labels <- function(fit) {
  labels <- lavInspect(fit, "group.label")
  if (!length(labels)) "all" else labels
}

# Fornell & Larcker (1981) from lavaan's standardized loadings, per group and factor
fornell_larcker <- function(fit) {
  std <- standardizedSolution(fit)
  std <- std[std$op == "=~", ]
  if (is.null(std$group)) std$group <- 1L
  labels <- group_labels(fit)
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

# categorical omega of all items together: compRelSEM's own steps (thresholds, scales,
# SIGMA rescaled by 1/scales, cov.lv, lambda), with the common covariance MATRIX
omega_total_cat <- function(fit, obs.var = TRUE) {
  labels <- group_labels(fit)
  ng <- length(labels)
  threshold <- semTools:::getThreshold(fit)
  scales <- semTools:::getScales(fit)
  est <- lavInspect(fit, "est", drop.list.single.group = FALSE)
  phi <- lavInspect(fit, "cov.lv")
  if (ng == 1L) phi <- list(phi)
  sigma <- lavInspect(fit, ifelse(obs.var, "sampstat", "fitted"),
                      drop.list.single.group = FALSE)
  out <- lapply(seq_len(ng), function(g) {
    lam <- est[[g]]$lambda
    sd_inv <- diag(1 / as.numeric(scales[[g]]))
    total <- sd_inv %*% sigma[[g]]$cov %*% sd_inv
    dimnames(total) <- dimnames(sigma[[g]]$cov)
    items <- rownames(lam)
    common <- lam %*% phi[[g]][colnames(lam), colnames(lam)] %*% t(lam)
    list(total = semTools:::omegaCat(truevar = common, denom = total[items, items],
                                     threshold = threshold[[g]][items],
                                     scales = scales[[g]][items]))
  })
  setNames(out, labels)
}

total_error <- function(fit) {
  res <- try(compRelSEM(fit, return.total = TRUE), silent = TRUE)
  if (inherits(res, "try-error")) conditionMessage(attr(res, "condition")) else "no error"
}

reference <- function(fit, model, ...) {
  fl <- fornell_larcker(fit)
  settings <- list(...)
  if (!length(settings)) settings <- setNames(list(), character(0))  # {} in the JSON
  all_ordered <- !length(lavNames(fit, "ov.num"))
  out <- list(
    model = model,
    settings = settings,
    omega = by_group(compRelSEM(fit)),
    omega_model_implied = by_group(compRelSEM(fit, obs.var = FALSE)),
    omega_latent = by_group(compRelSEM(fit, ord.scale = FALSE)),
    omega_latent_model_implied = by_group(compRelSEM(fit, ord.scale = FALSE, obs.var = FALSE)),
    alpha_tau_eq = by_group(compRelSEM(fit, tau.eq = TRUE)),
    alpha_latent = by_group(compRelSEM(fit, tau.eq = TRUE, ord.scale = FALSE)),
    omega_latent_total = by_group(compRelSEM(fit, ord.scale = FALSE, return.total = TRUE)),
    alpha_total = by_group(compRelSEM(fit, tau.eq = TRUE, return.total = TRUE)),
    alpha_latent_total = by_group(compRelSEM(fit, tau.eq = TRUE, ord.scale = FALSE,
                                             return.total = TRUE)),
    omega_total_error = total_error(fit),
    ave = by_group(AVE(fit)),
    ave_model_implied = by_group(AVE(fit, obs.var = FALSE)),
    fornell_larcker_cr = fl$cr,
    fornell_larcker_ave = fl$ave
  )
  if (all_ordered) {
    out$omega_total_cat <- omega_total_cat(fit)
    out$omega_total_cat_model_implied <- omega_total_cat(fit, obs.var = FALSE)
  }
  out
}

items <- c("q1", "q2", "q3", "q4", "s1", "s2", "s3", "l1", "l2", "l3")
cfa_model <- "Q =~ q1 + q2 + q3 + q4\nS =~ s1 + s2 + s3"
cfa_items <- items[1:7]
sem_model <- paste("Q =~ q1 + q2 + q3 + q4", "S =~ s1 + s2 + s3", "L =~ l1 + l2 + l3",
                   "S ~ Q", "L ~ S + Q", sep = "\n")

out <- list(
  semtools = as.character(packageVersion("semTools")),
  lavaan = as.character(packageVersion("lavaan")),
  cfa = reference(cfa(cfa_model, data = d, ordered = cfa_items), cfa_model),
  cfa_missing = reference(cfa(cfa_model, data = dm, ordered = cfa_items), cfa_model,
                          missing_rows = TRUE),
  cfa_std_lv = reference(cfa(cfa_model, data = d, ordered = cfa_items, std.lv = TRUE),
                         cfa_model, std_lv = TRUE),
  cfa_groups = reference(cfa(cfa_model, data = d, ordered = cfa_items, group = "channel"),
                         cfa_model, group = "channel"),
  # equal thresholds and loadings: scale factors (~*~) and factor means free in "online"
  cfa_groups_equal = reference(cfa(cfa_model, data = d, ordered = cfa_items, group = "channel",
                                   group.equal = c("thresholds", "loadings")),
                               cfa_model, group = "channel",
                               group_equal = c("thresholds", "loadings")),
  # factor variances of S and L are implied ones (cov.lv)
  sem = reference(sem(sem_model, data = d, ordered = items), sem_model),
  # Q of ordered items, S of continuous ones
  cfa_mixed_factors = reference(cfa(cfa_model, data = d, ordered = cfa_items[1:4]), cfa_model,
                                ordered = cfa_items[1:4]),
  # S of two ordered items and a continuous one (NA but for alpha of the answers)
  cfa_mixed_items = reference(cfa(cfa_model, data = d, ordered = cfa_items[1:6]), cfa_model,
                              ordered = cfa_items[1:6])
)
writeLines(toJSON(out, auto_unbox = TRUE, pretty = TRUE, digits = NA, na = "null"),
           file.path("tests", "reference", "semtools_reliability_ordinal.json"))
