# lavaan's syntax defaults that cx.sem must copy: a second-order factor (no covariances
# among first-order factors) and a single-indicator factor (residual variance fixed to 0).
#   Rscript tests/reference/lavaan_syntax.R tests/reference/lavaan_syntax.json
suppressMessages({library(lavaan); library(jsonlite)})
args <- commandArgs(trailingOnly = TRUE)
models <- list(
  second_order = 'visual =~ x1 + x2 + x3
textual =~ x4 + x5 + x6
speed =~ x7 + x8 + x9
g =~ visual + textual + speed',
  single_indicator = 'f =~ x1
g =~ x4 + x5 + x6
g ~ f')
keep <- c("lhs", "op", "rhs", "free", "est", "se", "std.all")
out <- list(lavaan = as.character(packageVersion("lavaan")))
for (name in names(models)) {
  fit <- sem(models[[name]], data = HolzingerSwineford1939)
  pe <- parameterEstimates(fit, standardized = TRUE)
  pe$free <- parTable(fit)$free[seq_len(nrow(pe))]
  out[[name]] <- list(model = models[[name]],
                      fit = as.list(fitMeasures(fit, c("chisq", "df", "cfi", "rmsea", "srmr", "logl"))),
                      estimates = pe[, keep])
}
writeLines(toJSON(out, auto_unbox = TRUE, pretty = TRUE, digits = NA), args[1])
