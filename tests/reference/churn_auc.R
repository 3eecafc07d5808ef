# Reference numbers for cxlab.churn.auc_ci from R's pROC (DeLong, DeLong & Clarke-Pearson
# 1988): the AUC, DeLong variance and 95 % CI of
#   - the hand example of tests/test_churn_model.py (6 rows) and a small example with ties,
#   - the test quarter (2025Q2) of membership_churn: the outcome and the L2 logistic
#     model's predicted probabilities (rounded to 6 decimals) in churn_auc.csv, written by
#     tests/test_churn_model.py's FEATURES model (see that file).
# Run from the repository root:
#   Rscript tests/reference/churn_auc.R
# It writes tests/reference/churn_auc.json.
suppressPackageStartupMessages({
  library(jsonlite)
  library(pROC)
})

one <- function(y, p) {
  r <- roc(y, p, levels = c(0, 1), direction = "<", quiet = TRUE)
  ci <- ci.auc(r, method = "delong", conf.level = 0.95)
  list(auc = as.numeric(auc(r)), var = var(r, method = "delong"),
       ci_low = ci[1], ci_high = ci[3], n = length(y))
}

data <- read.csv("tests/reference/churn_auc.csv")
out <- list(
  pROC_version = as.character(packageVersion("pROC")),
  hand = one(c(0, 0, 1, 1, 0, 1), c(0.1, 0.4, 0.35, 0.8, 0.2, 0.9)),
  ties = one(c(1, 1, 0, 0, 1, 0, 0), c(0.5, 0.9, 0.5, 0.1, 0.3, 0.3, 0.7)),
  test_quarter = one(data$y, data$p)
)
write_json(out, "tests/reference/churn_auc.json", auto_unbox = TRUE, digits = NA, pretty = TRUE)
