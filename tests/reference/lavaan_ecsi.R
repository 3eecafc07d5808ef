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
# the measurement model alone (CFA): converges, but the factor covariance matrix is not
# positive definite (lavaan warns)
cfa_model <- paste(strsplit(model, "\n")[[1]][2:7], collapse = "\n")
cfa_fit <- withCallingHandlers(cfa(cfa_model, ecsi), warning = function(w) {
  out$cfa_warning <<- conditionMessage(w); invokeRestart("muffleWarning")})
out$cfa_model <- cfa_model
out$cfa_converged <- lavInspect(cfa_fit, "converged")
out$cfa_fit <- as.list(fitMeasures(cfa_fit, c("chisq", "df", "cfi", "rmsea", "srmr")))
out$cfa_lv_cov_min_eigenvalue <- min(eigen(lavInspect(cfa_fit, "cov.lv"))$values)
std <- standardizedSolution(cfa_fit)
cors <- std[std$op == "~~" & std$lhs != std$rhs, ]
out$cfa_latent_cor <- setNames(as.list(cors$est.std), paste(cors$lhs, cors$rhs, sep = "~~"))
writeLines(toJSON(out, auto_unbox = TRUE, pretty = TRUE, digits = NA), args[2])
