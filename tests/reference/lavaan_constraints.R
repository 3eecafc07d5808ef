# Reference numbers for lavaan's explicit constraints ('==', '<', '>') in cx.sem.fit:
# lavaan 0.6.14 (Debian package r-cran-lavaan), sem()/cfa() defaults otherwise.
# Run from the repository root:
#   Rscript tests/reference/lavaan_constraints.R
# It writes tests/reference/lavaan_constraints.json; the test suite never runs R.
suppressPackageStartupMessages({library(lavaan); library(jsonlite)})

measures <- c("npar", "chisq", "df", "pvalue", "chisq.scaled", "df.scaled", "pvalue.scaled",
              "chisq.scaling.factor", "baseline.chisq", "baseline.df", "cfi", "tli",
              "cfi.scaled", "tli.scaled", "cfi.robust", "tli.robust", "rmsea",
              "rmsea.ci.lower", "rmsea.ci.upper", "rmsea.pvalue", "rmsea.scaled",
              "rmsea.robust", "srmr", "logl", "aic", "bic", "bic2", "ntotal")

fit_block <- function(fit) {
  fm <- fitMeasures(fit, intersect(measures, names(fitMeasures(fit))))
  pe <- parameterEstimates(fit, standardized = TRUE)
  pe <- pe[!(pe$op %in% c("==", "<", ">")), ]
  pe <- pe[, intersect(c("lhs", "op", "rhs", "group", "label", "est", "se", "z", "pvalue",
                         "ci.lower", "ci.upper", "std.all"), names(pe))]
  list(fit = as.list(unclass(fm)), estimates = pe,
       converged = lavInspect(fit, "converged"))
}

case <- function(model, data, ..., estimator = "ML", group = NULL, missing = "listwise",
                 rows = "all", fitter = "sem") {
  args <- list(model, data = data, estimator = estimator, missing = missing)
  if (!is.null(group)) args$group <- group
  fit <- do.call(fitter, args)
  c(list(model = model, estimator = estimator, group = group,
         missing = if (missing == "ml") "fiml" else "listwise", rows = rows),
    fit_block(fit))
}

out <- list(versions = list(lavaan = as.character(packageVersion("lavaan"))))
pd <- read.csv("datasets/political_democracy.csv")
hs <- read.csv("datasets/holzinger_swineford.csv")
hsm <- read.csv("tests/reference/hs_missing.csv")

pd_base <- '
  ind60 =~ x1 + x2 + x3
  dem60 =~ y1 + a*y2 + b*y3 + c*y4
  dem65 =~ y5 + d*y6 + e*y7 + f*y8
  dem60 ~ ind60
  dem65 ~ ind60 + dem60
  y1 ~~ y5
  y2 ~~ y4 + y6
  y3 ~~ y7
  y4 ~~ y8
  y6 ~~ y8
'
# 1. equal loadings over time written with '==' and, the same model, with shared labels
pd_equal <- paste0(pd_base, '  a == d\n  b == e\n  c == f\n')
pd_labels <- gsub("d\\*y6", "a*y6", gsub("e\\*y7", "b*y7", gsub("f\\*y8", "c*y8", pd_base)))
out$pd_equal <- case(pd_equal, pd)
out$pd_labels <- case(pd_labels, pd)

# 2. linear constraints on several parameters, with a defined effect
pd_linear <- '
  ind60 =~ x1 + a1*x2 + a2*x3
  dem60 =~ y1 + y2 + y3 + y4
  dem65 =~ y5 + y6 + y7 + y8
  dem60 ~ b1*ind60
  dem65 ~ b2*ind60 + b3*dem60
  y1 ~~ y5
  y2 ~~ y4 + y6
  y3 ~~ y7
  y4 ~~ y8
  y6 ~~ y8
  indirect := b1*b3
  b2 + b3 == 1
  a1 == 1.2*a2
'
out$pd_linear <- case(pd_linear, pd)

# 3. a nonlinear equality through a defined parameter (the indirect effect held at 1)
pd_nonlinear <- gsub("  b2 \\+ b3 == 1\n  a1 == 1.2\\*a2\n", "  indirect == 1\n", pd_linear)
out$pd_nonlinear <- case(pd_nonlinear, pd)

# 4. an inequality active on a Heywood case: Pasteur school, grade 7 (n = 78), the residual
#    variance of x1 is negative (-0.22) without the constraint; and inactive on all rows
hs_vt <- '
  visual  =~ x1 + x2 + x3
  textual =~ x4 + x5 + x6
  x1 ~~ v1*x1
'
hs_heywood <- paste0(hs_vt, '  v1 > 0\n')
p7 <- hs[hs$school == "Pasteur" & !is.na(hs$grade) & hs$grade == 7, ]
out$hs_heywood_free <- case(hs_vt, p7, rows = "Pasteur grade 7", fitter = "cfa")
out$hs_heywood <- case(hs_heywood, p7, rows = "Pasteur grade 7", fitter = "cfa")
out$hs_inactive <- case(hs_heywood, hs, fitter = "cfa")
out$hs_inactive_free <- case(hs_vt, hs, fitter = "cfa")

# 5. two groups, loadings held equal across schools with '=='
hs_groups <- '
  visual  =~ x1 + c(v2a, v2b)*x2 + c(v3a, v3b)*x3
  textual =~ x4 + x5 + x6
  speed   =~ x7 + c(s8a, s8b)*x8 + x9
  v2a == v2b
  v3a == v3b
  s8a == s8b
'
out$hs_groups <- case(hs_groups, hs, group = "school", fitter = "cfa")

# 6. MLR with '==' (robust SEs, Yuan-Bentler test)
out$pd_equal_mlr <- case(pd_equal, pd, estimator = "MLR")

# 7. FIML with '==' (and with MLR)
hs_fiml <- '
  visual  =~ x1 + x2 + x3
  textual =~ x4 + t5*x5 + t6*x6
  speed   =~ x7 + x8 + x9
  t5 == t6
'
out$hs_fiml <- case(hs_fiml, hsm, missing = "ml", fitter = "cfa")
out$hs_fiml_mlr <- case(hs_fiml, hsm, missing = "ml", estimator = "MLR", fitter = "cfa")

write_json(out, "tests/reference/lavaan_constraints.json", digits = NA, auto_unbox = TRUE,
           pretty = TRUE, na = "null")
