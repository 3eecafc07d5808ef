# Reference numbers from psych 2.2.9 (Debian package r-cran-psych) for
# cx.psychometrics.mardia and cx.psychometrics.item_normality (Mardia 1970 multivariate
# skewness and kurtosis; item skewness and kurtosis of psych::describe, types 1-3).
# Run from the repository root:
#   Rscript tests/reference/mardia.R
# writes tests/reference/mardia.json. The test suite reads the JSON; it never runs R.
suppressPackageStartupMessages({ library(lavaan); library(psych); library(jsonlite) })

mardia_block <- function(x) {
  m <- psych::mardia(x, na.rm = TRUE, plot = FALSE)
  items <- lapply(1:3, function(type) {
    d <- psych::describe(x, type = type)
    list(item = rownames(d), n = d$n, skew = d$skew, kurtosis = d$kurtosis)
  })
  names(items) <- c("type1", "type2", "type3")
  list(items = colnames(x), n = m$n.obs, p = m$n.var, b1p = m$b1p, b2p = m$b2p,
       skew = m$skew, small_skew = m$small.skew, p_skew = m$p.skew, p_small = m$p.small,
       kurtosis = m$kurtosis, p_kurt = m$p.kurt, describe = items)
}

hs <- HolzingerSwineford1939[, paste0("x", 1:9)]
# the same data with answers removed at fixed places (listwise for Mardia, pairwise for items)
hs_na <- hs
hs_na$x5[seq(5, nrow(hs_na), by = 7)] <- NA
hs_na$x2[seq(3, nrow(hs_na), by = 11)] <- NA
pd <- PoliticalDemocracy[, c(paste0("y", 1:8), paste0("x", 1:3))]

out <- list(
  psych_version = as.character(packageVersion("psych")),
  holzinger_swineford = mardia_block(hs),
  holzinger_swineford_3 = mardia_block(hs[, c("x1", "x2", "x3")]),
  holzinger_swineford_missing = mardia_block(hs_na),
  political_democracy = mardia_block(pd)
)
write_json(out, "tests/reference/mardia.json", digits = NA, auto_unbox = TRUE, pretty = TRUE)
