# Reference numbers from lavaan 0.6.14 / semTools 0.5.6 / psych 2.2.9 (Debian packages
# r-cran-lavaan r-cran-semtools r-cran-psych) for cxlab's SEM, CFA, reliability and
# invariance layers. Run from the repository root:
#   Rscript tests/reference/lavaan_sem.R
# writes tests/reference/lavaan_sem.json. The test suite reads the JSON; it never runs R.
suppressPackageStartupMessages({
  library(lavaan); library(semTools); library(psych); library(jsonlite)
})

fit_block <- function(fit) {
  fm <- fitMeasures(fit, c("npar", "chisq", "df", "pvalue", "cfi", "tli", "rmsea",
                           "rmsea.ci.lower", "rmsea.ci.upper", "rmsea.pvalue", "srmr",
                           "logl", "unrestricted.logl", "aic", "bic", "bic2", "gfi", "agfi",
                           "nfi", "ntotal"))
  pe <- parameterEstimates(fit, standardized = TRUE, rsquare = TRUE)
  pe <- pe[, intersect(c("lhs", "op", "rhs", "block", "group", "label", "est", "se", "z",
                         "pvalue", "ci.lower", "ci.upper", "std.lv", "std.all"), names(pe))]
  list(fit = as.list(unclass(fm)), estimates = pe,
       converged = lavInspect(fit, "converged"))
}

out <- list(versions = list(lavaan = as.character(packageVersion("lavaan")),
                            semTools = as.character(packageVersion("semTools")),
                            psych = as.character(packageVersion("psych"))))

# 1. Political democracy (Bollen 1989), lavaan tutorial model, with an indirect effect
pd_model <- '
  ind60 =~ x1 + x2 + x3
  dem60 =~ y1 + y2 + y3 + y4
  dem65 =~ y5 + y6 + y7 + y8
  dem60 ~ a*ind60
  dem65 ~ c*ind60 + b*dem60
  y1 ~~ y5
  y2 ~~ y4 + y6
  y3 ~~ y7
  y4 ~~ y8
  y6 ~~ y8
  indirect := a*b
  total := c + a*b
'
pd_fit <- sem(pd_model, data = PoliticalDemocracy)
out$political_democracy <- c(list(model = pd_model), fit_block(pd_fit))
set.seed(20261124)
pd_boot <- sem(pd_model, data = PoliticalDemocracy, se = "bootstrap", bootstrap = 1000)
pe_boot <- parameterEstimates(pd_boot, boot.ci.type = "perc")
out$political_democracy$bootstrap_percentile <- pe_boot[pe_boot$op == ":=",
  c("lhs", "est", "se", "ci.lower", "ci.upper")]
pe_bc <- parameterEstimates(pd_boot, boot.ci.type = "bca.simple")
out$political_democracy$bootstrap_bc <- pe_bc[pe_bc$op == ":=",
  c("lhs", "est", "se", "ci.lower", "ci.upper")]

# 2. Holzinger & Swineford three-factor CFA
hs_model <- '
  visual  =~ x1 + x2 + x3
  textual =~ x4 + x5 + x6
  speed   =~ x7 + x8 + x9
'
hs_fit <- cfa(hs_model, data = HolzingerSwineford1939)
out$holzinger_swineford <- c(list(model = hs_model), fit_block(hs_fit))
mi <- modindices(hs_fit, sort. = TRUE)
out$holzinger_swineford$modindices <- head(mi[, c("lhs", "op", "rhs", "mi", "epc", "sepc.all")], 10)
out$holzinger_swineford$composite_reliability <- as.list(compRelSEM(hs_fit))
out$holzinger_swineford$ave <- as.list(AVE(hs_fit))
out$holzinger_swineford$latent_cor <- lavInspect(hs_fit, "cor.lv")
items <- list(visual = c("x1", "x2", "x3"), textual = c("x4", "x5", "x6"),
              speed = c("x7", "x8", "x9"))
out$holzinger_swineford$alpha <- lapply(items, function(v) {
  a <- psych::alpha(HolzingerSwineford1939[, v], warnings = FALSE)
  list(raw_alpha = a$total$raw_alpha, std_alpha = a$total$std.alpha,
       r_drop = setNames(as.list(a$item.stats$r.drop), v),
       alpha_if_dropped = setNames(as.list(a$alpha.drop$raw_alpha), v))
})
out$holzinger_swineford$htmt <- htmt(hs_model, data = HolzingerSwineford1939)

# 3. Measurement invariance across schools (configural, metric, scalar, strict)
inv <- list(
  configural = cfa(hs_model, data = HolzingerSwineford1939, group = "school"),
  metric = cfa(hs_model, data = HolzingerSwineford1939, group = "school",
               group.equal = "loadings"),
  scalar = cfa(hs_model, data = HolzingerSwineford1939, group = "school",
               group.equal = c("loadings", "intercepts")),
  strict = cfa(hs_model, data = HolzingerSwineford1939, group = "school",
               group.equal = c("loadings", "intercepts", "residuals"))
)
out$invariance_school <- lapply(inv, function(f) as.list(unclass(fitMeasures(f,
  c("npar", "chisq", "df", "pvalue", "cfi", "tli", "rmsea", "srmr", "aic", "bic")))))
lrt <- lavTestLRT(inv$configural, inv$metric, inv$scalar, inv$strict)
out$invariance_school_lrt <- data.frame(model = rownames(lrt), df = lrt$Df, chisq = lrt$Chisq,
  delta_chisq = lrt$`Chisq diff`, delta_df = lrt$`Df diff`, p = lrt$`Pr(>Chisq)`)
out$invariance_school_metric_estimates <- parameterEstimates(inv$metric)[,
  c("lhs", "op", "rhs", "group", "est", "se")]

writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, pretty = TRUE, na = "null",
                  dataframe = "rows"),
           "tests/reference/lavaan_sem.json")
cat("wrote tests/reference/lavaan_sem.json\n")
