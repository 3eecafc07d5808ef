# Ordered indicators estimated by WLSMV (lavaan's defaults: DWLS, delta parameterisation,
# se = "robust.sem", test = "scaled.shifted", missing = "listwise") on the simulated
# 5-point survey tests/reference/ordinal_cx.csv (written by ordinal_cx.py).
#   Rscript tests/reference/lavaan_wlsmv.R tests/reference/lavaan_wlsmv.json
suppressMessages({library(lavaan); library(jsonlite)})
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(file.path(dirname(args[1]), "ordinal_cx.csv"))
items <- c("q1", "q2", "q3", "q4", "s1", "s2", "s3", "l1", "l2", "l3")
sem_model <- 'Q =~ q1 + q2 + q3 + q4
S =~ s1 + s2 + s3
L =~ l1 + l2 + l3
S ~ a*Q
L ~ b*S + c*Q
ind := a*b
tot := c + a*b'
cfa_model <- 'Q =~ q1 + q2 + q3 + q4
S =~ s1 + s2 + s3
L =~ l1 + l2 + l3'
keys <- c("npar", "fmin", "chisq", "df", "pvalue", "chisq.scaled", "df.scaled",
          "pvalue.scaled", "chisq.scaling.factor", "baseline.chisq", "baseline.df",
          "baseline.chisq.scaled", "baseline.chisq.scaling.factor", "cfi", "tli",
          "cfi.scaled", "tli.scaled", "rmsea", "rmsea.ci.lower", "rmsea.ci.upper",
          "rmsea.pvalue", "rmsea.scaled", "rmsea.ci.lower.scaled", "rmsea.ci.upper.scaled",
          "rmsea.pvalue.scaled", "srmr")
summarise <- function(fit) {
  pe <- parameterEstimates(fit, standardized = TRUE)
  cols <- intersect(c("lhs", "op", "rhs", "group", "label", "est", "se", "std.all"), names(pe))
  r2 <- lavInspect(fit, "r2")
  if (!is.list(r2)) r2 <- list(r2)
  list(estimates = pe[, cols],
       fit = as.list(fitMeasures(fit, keys)),
       shift = unname(fit@test$scaled.shifted$shift.parameter),
       r2 = lapply(r2, function(x) as.list(x)),
       n = lavInspect(fit, "ntotal"))
}
sem_fit <- sem(sem_model, data = d, ordered = items, estimator = "WLSMV")
gamma <- lavInspect(sem_fit, "gamma")
keep_rows <- c(1:10, 41:50)
single <- summarise(sem_fit)
single$sample <- list(
  wls_obs = unname(lavInspect(sem_fit, "wls.obs")),
  names = names(lavInspect(sem_fit, "wls.obs")),
  cor = unname(lavInspect(sem_fit, "sampstat")$cov),
  gamma_diag = unname(diag(gamma)),
  gamma_rows = keep_rows,
  gamma_block = unname(gamma[keep_rows, ]),
  wls_v = unname(diag(lavInspect(sem_fit, "wls.v"))))
# listwise deletion with missing answers (lavaan's default for WLSMV)
dm <- d
dm$q1[seq(1, 800, by = 37)] <- NA
dm$s2[seq(5, 800, by = 53)] <- NA
miss <- summarise(cfa(cfa_model, data = dm, ordered = items))
# std.lv
stdlv <- summarise(cfa(cfa_model, data = d, ordered = items, std.lv = TRUE))
# multiple groups: configural, and equal thresholds + loadings (ordinal invariance)
mg_config <- cfa(cfa_model, data = d, ordered = items, group = "channel")
mg_equal <- cfa(cfa_model, data = d, ordered = items, group = "channel",
                group.equal = c("thresholds", "loadings"))
lrt <- lavTestLRT(mg_config, mg_equal)
out <- list(lavaan = as.character(packageVersion("lavaan")),
            items = items,
            sem = c(list(model = sem_model), single),
            missing = c(list(model = cfa_model), miss),
            std_lv = c(list(model = cfa_model), stdlv),
            mg_config = c(list(model = cfa_model, group_labels = lavInspect(mg_config, "group.label")),
                          summarise(mg_config)),
            mg_equal = c(list(model = cfa_model), summarise(mg_equal)),
            lrt = list(chisq_diff = lrt[2, "Chisq diff"], df_diff = lrt[2, "Df diff"],
                       pvalue = lrt[2, "Pr(>Chisq)"]))
writeLines(toJSON(out, auto_unbox = TRUE, pretty = TRUE, digits = NA, na = "null"), args[1])
