# Reference numbers for cxlab.drivers from base R (stats::lm, stats::glm) only: every
# subset regression is fitted on the data, so the numbers are independent of cxlab's
# correlation-matrix shortcuts. (relaimpo / dominanceanalysis are not packaged for
# Debian, so they are not used; on CRAN machines relaimpo::calc.relimp(type = "lmg")
# gives the same Shapley values.)
# Run from the repository root:
#   Rscript tests/reference/drivers.R
# It reads datasets/airline_mot.csv (read only) and R's built-in mtcars, and writes
# tests/reference/drivers.json (mtcars columns included, so tests need no R).
suppressPackageStartupMessages(library(jsonlite))

# R² of y on every subset of the predictors (lm), keyed by the sorted predictor names
subset_fits <- function(d, y, x, fit) {
  out <- list()
  for (m in seq_along(x)) {
    for (s in combn(x, m, simplify = FALSE)) {
      out[[paste(sort(s), collapse = "+")]] <- fit(d, y, s)
    }
  }
  out
}
r2_lm <- function(d, y, s) summary(lm(reformulate(s, y), data = d))$r.squared
r2_mcfadden <- function(d, y, s) {
  full <- glm(reformulate(s, y), data = d, family = binomial,
              control = glm.control(epsilon = 1e-12, maxit = 100))
  null <- glm(reformulate("1", y), data = d, family = binomial)
  stopifnot(full$converged)
  1 - as.numeric(logLik(full)) / as.numeric(logLik(null))
}

# Shapley value: average gain over all orders of entry, by the subset formula
shapley <- function(x, fits) {
  k <- length(x)
  get <- function(s) if (length(s) == 0) 0 else fits[[paste(sort(s), collapse = "+")]]
  sapply(x, function(j) {
    others <- setdiff(x, j)
    total <- 0
    for (m in 0:(k - 1)) {
      subsets <- if (m == 0) list(character(0)) else combn(others, m, simplify = FALSE)
      for (s in subsets) {
        w <- factorial(m) * factorial(k - m - 1) / factorial(k)
        total <- total + w * (get(c(s, j)) - get(s))
      }
    }
    total
  })
}

# Johnson's (2000) relative weights, written out as in his paper (eigen decomposition)
relative_weights <- function(d, y, x) {
  r <- cor(d[, c(y, x)])
  rxx <- r[x, x]; rxy <- r[x, y]
  e <- eigen(rxx, symmetric = TRUE)
  lambda <- e$vectors %*% diag(sqrt(e$values)) %*% t(e$vectors)
  beta <- solve(lambda, rxy)
  raw <- as.numeric(lambda^2 %*% beta^2)
  setNames(raw, x)
}

case <- function(d, y, x, logistic = FALSE) {
  fits <- subset_fits(d, y, x, if (logistic) r2_mcfadden else r2_lm)
  full <- fits[[paste(sort(x), collapse = "+")]]
  out <- list(outcome = y, drivers = x, n = nrow(d), r2 = full,
              shapley = as.list(shapley(x, fits)), subsets = fits)
  if (!logistic) out$relative_weights <- as.list(relative_weights(d, y, x))
  out
}

air <- read.csv(file.path("datasets", "airline_mot.csv"))
air$detractor <- as.integer(air$nps_score <= 6)
six <- c("mot_booking", "mot_checkin", "mot_boarding", "mot_crew", "mot_meal", "mot_arrival")
cars <- mtcars[, c("mpg", "cyl", "disp", "hp", "gear", "wt", "vs")]

ref <- list(
  r_version = R.version.string,
  mtcars = as.list(cars),
  mtcars_rows = rownames(cars),
  mtcars_mpg = case(cars, "mpg", c("cyl", "disp", "hp", "gear")),
  mtcars_vs_logistic = case(cars, "vs", c("mpg", "disp", "wt"), logistic = TRUE),
  airline_nps = case(air, "nps_score", six),
  airline_detractor = case(air, "detractor", six, logistic = TRUE)
)
write_json(ref, file.path("tests", "reference", "drivers.json"), auto_unbox = TRUE,
           digits = NA, pretty = TRUE)
cat("wrote tests/reference/drivers.json\n")
