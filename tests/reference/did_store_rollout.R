# Reference numbers for cxlab.experiments (did, event_study, programme_effect) from R:
# stats::lm with sandwich::vcovCL(type = "HC1") — the CR1 cluster-robust covariance
# G/(G - 1) * (N - 1)/(N - K), as Stata's vce(cluster) — and stats::glm for the
# propensity score. Two-way FE and event study: unit effects removed by demeaning within
# stores (as cxlab does; K then counts the remaining columns), plus an lm with store
# dummies for the point estimates. IPW: glm logit + weighted lm (point estimates).
# Run from the repository root:
#   Rscript tests/reference/did_store_rollout.R
# It reads datasets/store_rollout.csv and datasets/store_rollout_customers.csv (read only)
# and writes tests/reference/did_store_rollout.json.
suppressPackageStartupMessages({
  library(jsonlite)
  library(sandwich)
})

panel <- read.csv("datasets/store_rollout.csv", stringsAsFactors = FALSE)
panel$post <- as.integer(panel$month >= "2026-01")
months <- sort(unique(panel$month))

demean <- function(v, g) v - ave(v, g)

did_numbers <- function(y) {
  d <- panel
  d$y <- d[[y]]
  fit <- lm(y ~ programme * post, data = d)
  v <- vcovCL(fit, cluster = ~store_id, type = "HC1")
  out <- list(
    est_2x2 = unname(coef(fit)["programme:post"]),
    se_2x2 = sqrt(v["programme:post", "programme:post"])
  )
  dummies <- sapply(months[-1], function(m) as.numeric(d$month == m))
  dp <- d$programme * d$post
  x <- cbind(dp = dp, dummies)
  xd <- apply(x, 2, demean, g = d$store_id)
  yd <- demean(d$y, d$store_id)
  fe <- lm(yd ~ 0 + xd)
  vfe <- vcovCL(fe, cluster = d$store_id, type = "HC1")
  out$est_twfe <- unname(coef(fe)[1])
  out$se_twfe <- sqrt(vfe[1, 1])
  dummy_fit <- lm(y ~ dp + factor(store_id) + factor(month), data = d)
  out$est_twfe_dummies <- unname(coef(dummy_fit)["dp"])
  # event study: treated x (period = start + k), k != -1
  start <- match("2026-01", months)
  rel <- match(d$month, months) - start
  ks <- setdiff(sort(unique(rel)), -1)
  ev <- sapply(ks, function(k) d$programme * (rel == k))
  colnames(ev) <- paste0("k", ks)
  xe <- apply(cbind(ev, dummies), 2, demean, g = d$store_id)
  es <- lm(yd ~ 0 + xe)
  ves <- vcovCL(es, cluster = d$store_id, type = "HC1")
  nk <- length(ks)
  b <- coef(es)[1:nk]
  lead <- which(ks <= -2)
  out$event_rel <- ks
  out$event_est <- unname(b)
  out$event_se <- unname(sqrt(diag(ves)[1:nk]))
  out$pretrend_chi2 <- as.numeric(t(b[lead]) %*% solve(ves[lead, lead], b[lead]))
  out$pretrend_df <- length(lead)
  out
}

cust <- read.csv("datasets/store_rollout_customers.csv", stringsAsFactors = FALSE)
ps_fit <- glm(member ~ pre_spend + pre_visits + tenure_years + distance_km + age_group,
              data = cust, family = binomial,
              control = glm.control(epsilon = 1e-14, maxit = 100))
p <- fitted(ps_fit)
w_att <- ifelse(cust$member == 1, 1, p / (1 - p))
w_ate <- ifelse(cust$member == 1, 1 / p, 1 / (1 - p))
ipw <- function(w) unname(coef(lm(post_spend ~ member, data = cust, weights = w))["member"])

result <- list(
  sales_per_customer = did_numbers("sales_per_customer"),
  nps = did_numbers("nps"),
  customers = list(
    naive = mean(cust$post_spend[cust$member == 1]) - mean(cust$post_spend[cust$member == 0]),
    logit_coef = as.list(coef(ps_fit)),
    ipw_att = ipw(w_att),
    ipw_ate = ipw(w_ate)
  ),
  r_version = R.version.string,
  sandwich_version = as.character(packageVersion("sandwich"))
)
write_json(result, "tests/reference/did_store_rollout.json", digits = NA, auto_unbox = TRUE,
           pretty = TRUE)
