# Reference descriptives of lavaan's copies of the classic SEM datasets, used by
# tests/test_datasets.py to check cxlab's political_democracy and holzinger_swineford.
# Run:  Rscript tests/reference/lavaan_datasets.R   (lavaan 0.6.14, Debian r-cran-lavaan)
library(lavaan)
describe <- function(df) {
  num <- df[vapply(df, is.numeric, logical(1))]
  lapply(num, function(x) list(
    mean = sprintf("%.10f", mean(x, na.rm = TRUE)),
    sd = sprintf("%.10f", sd(x, na.rm = TRUE)),
    n_missing = sum(is.na(x))
  ))
}
out <- list(
  lavaan_version = as.character(packageVersion("lavaan")),
  political_democracy = list(n = nrow(PoliticalDemocracy), columns = describe(PoliticalDemocracy)),
  holzinger_swineford = list(n = nrow(HolzingerSwineford1939),
                             columns = describe(HolzingerSwineford1939))
)
# a JSON writer without extra packages
to_json <- function(x, indent = 0) {
  pad <- strrep("  ", indent)
  if (is.list(x)) {
    items <- vapply(names(x), function(k) sprintf('%s  "%s": %s', pad, k, to_json(x[[k]], indent + 1)),
                    character(1))
    return(paste0("{\n", paste(items, collapse = ",\n"), "\n", pad, "}"))
  }
  if (is.character(x)) return(if (grepl("^-?[0-9]+([.][0-9]+)?$", x)) x else sprintf('"%s"', x))
  as.character(x)
}
writeLines(to_json(out), "tests/reference/lavaan_datasets.json")
