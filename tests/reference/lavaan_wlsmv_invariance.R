# Ordinal measurement invariance by WLSMV (lavaan 0.6.14, semTools): the levels of
# Wu & Estabrook (2016) written by semTools' measEq.syntax(ID.fac = "std.lv",
# ID.cat = "Wu.Estabrook.2016", parameterization = "delta") — configural, thresholds,
# thresholds + loadings, thresholds + loadings + intercepts — and lavaan's own
# group.equal = c("thresholds") / c("thresholds", "loadings") identification, each
# compared with lavTestLRT() (method = "satorra.2000", scaled.shifted), on two simulated
# surveys: tests/reference/ordinal_cx.csv (two channels, invariant by construction) and
# tests/reference/ordinal_groups.csv (three channels; the app channel answers q4 and s3
# differently).
#   Rscript tests/reference/lavaan_wlsmv_invariance.R tests/reference/lavaan_wlsmv_invariance.json
suppressMessages({library(lavaan); library(semTools); library(jsonlite)})
args <- commandArgs(trailingOnly = TRUE)
here <- dirname(args[1])
keys <- c("npar", "chisq", "df", "pvalue", "chisq.scaled", "df.scaled", "pvalue.scaled",
          "chisq.scaling.factor", "cfi.scaled", "tli.scaled", "rmsea.scaled",
          "rmsea.ci.lower.scaled", "rmsea.ci.upper.scaled", "srmr")
levels <- list(configural = NULL, thresholds = "thresholds",
               metric = c("thresholds", "loadings"),
               scalar = c("thresholds", "loadings", "intercepts"))
summarise <- function(fit) {
  pe <- parameterEstimates(fit, standardized = TRUE)
  list(estimates = pe[, c("lhs", "op", "rhs", "group", "est", "se", "std.all")],
       fit = as.list(fitMeasures(fit, keys)),
       shift = unname(fit@test$scaled.shifted$shift.parameter))
}
lrt_table <- function(fits) {
  lrt <- do.call(lavTestLRT, unname(fits))
  list(chisq_diff = lrt[-1, "Chisq diff"], df_diff = lrt[-1, "Df diff"],
       pvalue = lrt[-1, "Pr(>Chisq)"])
}
scenario <- function(file, model, items) {
  d <- read.csv(file.path(here, file))
  we <- lapply(levels, function(ge) {
    syn <- measEq.syntax(model, data = d, ordered = items, group = "channel",
                         ID.fac = "std.lv", ID.cat = "Wu.Estabrook.2016",
                         parameterization = "delta", group.equal = ge)
    cfa(as.character(syn), data = d, ordered = items, group = "channel")
  })
  lav <- list(configural = cfa(model, data = d, ordered = items, group = "channel"),
              thresholds = cfa(model, data = d, ordered = items, group = "channel",
                               group.equal = "thresholds"),
              metric = cfa(model, data = d, ordered = items, group = "channel",
                           group.equal = c("thresholds", "loadings")))
  list(file = file, model = model, items = items,
       group_labels = lavInspect(we$configural, "group.label"),
       wu_estabrook = lapply(we, summarise), wu_estabrook_lrt = lrt_table(we),
       lavaan = lapply(lav, function(f) list(fit = as.list(fitMeasures(f, keys)))),
       lavaan_lrt = lrt_table(lav))
}
out <- list(
  lavaan = as.character(packageVersion("lavaan")),
  semtools = as.character(packageVersion("semTools")),
  two = scenario("ordinal_cx.csv", 'Q =~ q1 + q2 + q3 + q4
S =~ s1 + s2 + s3
L =~ l1 + l2 + l3', c("q1", "q2", "q3", "q4", "s1", "s2", "s3", "l1", "l2", "l3")),
  three = scenario("ordinal_groups.csv", 'Q =~ q1 + q2 + q3 + q4
S =~ s1 + s2 + s3', c("q1", "q2", "q3", "q4", "s1", "s2", "s3")))
writeLines(toJSON(out, auto_unbox = TRUE, pretty = TRUE, digits = NA, na = "null"), args[1])
