# Modification indices of the Political Democracy CFA without residual covariances,
# and of the Holzinger-Swineford 3-factor CFA (lavaan defaults).
#   Rscript tests/reference/lavaan_modindices.R tests/reference/lavaan_modindices.json
suppressMessages({library(lavaan); library(jsonlite)})
args <- commandArgs(trailingOnly = TRUE)
pd_cfa <- '
  ind60 =~ x1 + x2 + x3
  dem60 =~ y1 + y2 + y3 + y4
  dem65 =~ y5 + y6 + y7 + y8
'
hs <- 'visual =~ x1 + x2 + x3
textual =~ x4 + x5 + x6
speed =~ x7 + x8 + x9'
keep <- c("lhs", "op", "rhs", "mi", "epc", "sepc.all")
pd_mi <- modindices(cfa(pd_cfa, data = PoliticalDemocracy), sort. = TRUE)
hs_mi <- modindices(cfa(hs, data = HolzingerSwineford1939), sort. = TRUE)
out <- list(lavaan = as.character(packageVersion("lavaan")),
            political_democracy_cfa = list(model = pd_cfa, mi = pd_mi[, keep]),
            holzinger_swineford = list(model = hs, mi = hs_mi[, keep]))
writeLines(toJSON(out, auto_unbox = TRUE, pretty = TRUE, digits = NA), args[1])
