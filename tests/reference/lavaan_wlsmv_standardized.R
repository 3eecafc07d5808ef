# standardizedSolution() of WLSMV fits (lavaan 0.6.14; ordered items, delta
# parameterisation): thresholds, the items' fixed residual variances, scale factors,
# intercepts and ':=' rows under type = "std.all", "std.lv" and "std.nox", on the
# simulated 5-point survey tests/reference/ordinal_cx.csv:
#   sem        the SEM with ':=' effects of lavaan_wlsmv.R (one group)
#   equal      two channels, group.equal = c("thresholds", "loadings") (scale factors
#              and factor means free in the online group)
#   we_metric  two channels, Wu & Estabrook (2016) metric level written by semTools'
#              measEq.syntax(ID.fac = "std.lv", ID.cat = "Wu.Estabrook.2016")
#              (item intercepts, scale factors and factor variances free in the online group)
#   Rscript tests/reference/lavaan_wlsmv_standardized.R tests/reference/lavaan_wlsmv_standardized.json
suppressMessages({library(lavaan); library(semTools); library(jsonlite)})
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(file.path(dirname(args[1]), "ordinal_cx.csv"))
items <- c("q1", "q2", "q3", "q4", "s1", "s2", "s3", "l1", "l2", "l3")
sem_model <- 'Q =~ q1 + q2 + q3 + q4
S =~ s1 + s2 + s3
L =~ l1 + l2 + l3
S ~ a*Q
L ~ b*S + c*Q
ind := a*b
tot := c + a*b'
cfa_model <- 'Q =~ q1 + q2 + q3 + q4
S =~ s1 + s2 + s3
L =~ l1 + l2 + l3'
we_syntax <- measEq.syntax(cfa_model, data = d, ordered = items, group = "channel",
                           ID.fac = "std.lv", ID.cat = "Wu.Estabrook.2016",
                           parameterization = "delta",
                           group.equal = c("thresholds", "loadings"))
fits <- list(
  sem = sem(sem_model, data = d, ordered = items),
  equal = cfa(cfa_model, data = d, ordered = items, group = "channel",
              group.equal = c("thresholds", "loadings")),
  we_metric = cfa(as.character(we_syntax), data = d, ordered = items, group = "channel"))
solutions <- function(fit) {
  lapply(c(std.all = "std.all", std.lv = "std.lv", std.nox = "std.nox"), function(type) {
    s <- standardizedSolution(fit, type = type)
    if (is.null(s$group)) s$group <- ifelse(s$op == ":=", 0L, 1L)
    s[, c("lhs", "op", "rhs", "group", "est.std", "se", "z", "pvalue", "ci.lower",
          "ci.upper")]
  })
}
out <- list(lavaan = as.character(packageVersion("lavaan")), items = items,
            models = list(sem = sem_model, equal = cfa_model, we_metric = cfa_model),
            solutions = lapply(fits, solutions))
writeLines(toJSON(out, auto_unbox = TRUE, pretty = TRUE, digits = NA, na = "null"), args[1])
