# Does lavaan converge on the ECSI model with the real ecsi_mobile data?
#   .venv/bin/python -c "import cxlab as cx; cx.datasets.load('ecsi_mobile').to_csv('/tmp/ecsi.csv', index=False)"
#   Rscript tests/reference/lavaan_ecsi.R /tmp/ecsi.csv tests/reference/lavaan_ecsi.json
suppressMessages({library(lavaan); library(jsonlite)})
args <- commandArgs(trailingOnly = TRUE)
ecsi <- read.csv(args[1])
model <- '
Image =~ IMAG1 + IMAG2 + IMAG3 + IMAG4 + IMAG5
Expectation =~ CUEX1 + CUEX2 + CUEX3
Quality =~ PERQ1 + PERQ2 + PERQ3 + PERQ4 + PERQ5 + PERQ6 + PERQ7
Value =~ PERV1 + PERV2
Satisfaction =~ CUSA1 + CUSA2 + CUSA3
Loyalty =~ CUSL1 + CUSL2 + CUSL3
Expectation ~ Image
Quality ~ Expectation
Value ~ Expectation + Quality
Satisfaction ~ Image + Expectation + Quality + Value
Loyalty ~ Image + Satisfaction
'
fit <- suppressWarnings(sem(model, ecsi))
out <- list(lavaan = as.character(packageVersion("lavaan")), model = model,
            converged = lavInspect(fit, "converged"),
            iterations = lavInspect(fit, "iterations"))
writeLines(toJSON(out, auto_unbox = TRUE, pretty = TRUE, digits = NA), args[2])
