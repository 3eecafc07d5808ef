# Reference for cxlab.churn survival analysis (tests/test_churn_survival.py):
# R survival 3.5.3 on a simulated membership table, written once to survival_churn.csv.
# Run from the repository root: Rscript tests/reference/survival_churn.R
library(survival)
library(jsonlite)

set.seed(20261206)
n <- 500
group <- sample(c("basic", "premium"), n, replace = TRUE, prob = c(0.55, 0.45))
usage <- round(rnorm(n, 10, 3), 1)
complaints <- pmin(rpois(n, 0.8), 4)
channel <- sample(c("app", "store", "web"), n, replace = TRUE, prob = c(0.5, 0.3, 0.2))
lp <- -0.6 * (group == "premium") - 0.08 * (usage - 10) + 0.35 * complaints +
  0.25 * (channel == "store") - 0.2 * (channel == "web")
# monthly hazard 0.04 at the reference; whole months give many tied times
t_event <- ceiling(rexp(n, 0.04 * exp(lp)))
t_censor <- sample(6:36, n, replace = TRUE)
months <- pmin(t_event, t_censor)
churned <- as.integer(t_event <= t_censor)
d <- data.frame(id = sprintf("M%03d", 1:n), group, usage, complaints, channel, months, churned)
write.csv(d, "tests/reference/survival_churn.csv", row.names = FALSE, quote = FALSE)
d <- read.csv("tests/reference/survival_churn.csv")

km_table <- function(fit, conf_type) {
  s <- summary(fit, censored = FALSE)
  strata <- if (is.null(s$strata)) rep("all", length(s$time)) else sub("group=", "", as.character(s$strata))
  data.frame(group = strata, time = s$time, n_risk = s$n.risk, n_event = s$n.event,
             surv = s$surv, std_err = s$std.err, lower = s$lower, upper = s$upper)
}
out <- list(n = nrow(d), events = sum(d$churned), level = 0.95)
for (ct in c("log", "log-log", "plain")) {
  fit_g <- survfit(Surv(months, churned) ~ group, data = d, conf.type = ct)
  fit_all <- survfit(Surv(months, churned) ~ 1, data = d, conf.type = ct)
  tab_g <- summary(fit_g)$table
  tab_all <- summary(fit_all)$table
  med <- data.frame(group = c("basic", "premium", "all"),
                    median = c(tab_g[, "median"], tab_all["median"]),
                    lower = c(tab_g[, "0.95LCL"], tab_all["0.95LCL"]),
                    upper = c(tab_g[, "0.95UCL"], tab_all["0.95UCL"]))
  at <- summary(fit_g, times = c(6, 12, 24))
  out$km[[ct]] <- list(
    table = rbind(km_table(fit_g, ct), km_table(fit_all, ct)),
    median = med,
    at = data.frame(group = sub("group=", "", as.character(at$strata)), time = at$time,
                    surv = at$surv, lower = at$lower, upper = at$upper)
  )
}
lr <- survdiff(Surv(months, churned) ~ group, data = d)
out$logrank <- list(chisq = unname(lr$chisq), df = length(lr$n) - 1,
                    p = pchisq(lr$chisq, length(lr$n) - 1, lower.tail = FALSE))
d$group <- factor(d$group, levels = c("basic", "premium"))
d$channel <- factor(d$channel, levels = c("app", "store", "web"))
for (ties in c("efron", "breslow")) {
  fit <- coxph(Surv(months, churned) ~ group + usage + complaints + channel, data = d, ties = ties)
  s <- summary(fit)
  zph <- cox.zph(fit)
  out$cox[[ties]] <- list(
    term = names(coef(fit)), coef = unname(coef(fit)), se = unname(sqrt(diag(vcov(fit)))),
    z = unname(s$coefficients[, "z"]), p = unname(s$coefficients[, "Pr(>|z|)"]),
    hr_lower = unname(s$conf.int[, "lower .95"]), hr_upper = unname(s$conf.int[, "upper .95"]),
    concordance = unname(fit$concordance["concordance"]),
    concordance_se = unname(fit$concordance["std"]),
    loglik = fit$loglik,
    zph = data.frame(term = rownames(zph$table), chisq = zph$table[, "chisq"],
                     df = zph$table[, "df"], p = zph$table[, "p"])
  )
  # predicted S(t | x) of the first three members (stype = 2: exp(-H); ctype as ties)
  pred <- summary(survfit(fit, newdata = d[1:3, ]), times = c(6, 12, 24))
  out$cox[[ties]]$predicted <- unname(pred$surv)
  for (tr in c("identity", "rank", "log")) {
    z2 <- cox.zph(fit, transform = tr)
    out$cox[[ties]][[paste0("zph_", tr)]] <- data.frame(term = rownames(z2$table),
      chisq = z2$table[, "chisq"], df = z2$table[, "df"], p = z2$table[, "p"])
  }
}
out$versions <- list(R = R.version.string, survival = as.character(packageVersion("survival")))
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, pretty = TRUE),
           "tests/reference/survival_churn.json")
