# Reference numbers for cx.sem effects(), monte_carlo_ci() and compare():
# indirect and total effects written as ':=' parameters (delta-method SEs, std.all),
# semTools::monteCarloCI and lavTestLRT.
#   Rscript tests/reference/lavaan_effects.R tests/reference/lavaan_effects.json
suppressMessages({library(lavaan); library(semTools); library(jsonlite)})
args <- commandArgs(trailingOnly = TRUE)
pd <- '
  ind60 =~ x1 + x2 + x3
  dem60 =~ y1 + y2 + y3 + y4
  dem65 =~ y5 + y6 + y7 + y8
  dem60 ~ a*ind60
  dem65 ~ c*ind60 + b*dem60
  ind := a*b
  tot := c + a*b
'
# two mediators on observed variables: specific, total indirect and total effects
hs_path <- '
  x4 ~ a1*x1
  x5 ~ a2*x1
  x7 ~ b1*x4 + b2*x5 + c*x1
  s1 := a1*b1
  s2 := a2*b2
  ind := a1*b1 + a2*b2
  tot := c + a1*b1 + a2*b2
'
keep <- c("lhs", "op", "rhs", "label", "est", "se", "std.all")
pd_fit <- sem(pd, data = PoliticalDemocracy)
hs_fit <- sem(hs_path, data = HolzingerSwineford1939)
pe <- function(fit) parameterEstimates(fit, standardized = TRUE)[, keep]
set.seed(20261125)
mc <- monteCarloCI(pd_fit, nRep = 100000)
three <- cfa('visual =~ x1 + x2 + x3
textual =~ x4 + x5 + x6
speed =~ x7 + x8 + x9', data = HolzingerSwineford1939)
one <- cfa('g =~ x1 + x2 + x3 + x4 + x5 + x6 + x7 + x8 + x9', data = HolzingerSwineford1939)
lrt <- lavTestLRT(three, one)
out <- list(lavaan = as.character(packageVersion("lavaan")),
            semTools = as.character(packageVersion("semTools")),
            political_democracy = list(model = pd, estimates = pe(pd_fit),
                                       standardized = standardizedSolution(pd_fit)[
                                         , c("lhs", "op", "rhs", "est.std", "se", "ci.lower", "ci.upper")],
                                       monte_carlo = list(nRep = 100000, lhs = rownames(mc),
                                                          est = mc$est, ci.lower = mc$ci.lower,
                                                          ci.upper = mc$ci.upper)),
            hs_path = list(model = hs_path, estimates = pe(hs_fit)),
            lrt = list(chisq = lrt$Chisq, df = lrt$Df, delta_chisq = lrt[["Chisq diff"]][2],
                       delta_df = lrt[["Df diff"]][2], p = lrt[["Pr(>Chisq)"]][2],
                       aic = lrt$AIC, bic = lrt$BIC))
writeLines(toJSON(out, auto_unbox = TRUE, pretty = TRUE, digits = NA), args[1])
