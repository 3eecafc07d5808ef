# Reference numbers from lavaan 0.6.14 (Debian package r-cran-lavaan) for cxlab's SEM engine
# on lavaan tutorial models, in particular regressions whose outcome is an indicator (cxlab
# issue 26): growth curves with time-varying covariates, MIMIC models with a direct effect
# of a covariate on an item, with FIML and with groups. Run from the repository root:
#   Rscript tests/reference/lavaan_examples.R
# It writes tests/reference/demo_growth.csv (lavaan's Demo.growth),
# tests/reference/demo_growth_missing.csv (the same with values of t1..t4 missing at random
# given c1..c4) and tests/reference/lavaan_examples.json. The test suite
# (tests/test_sem_lavaan_examples.py) reads these files; it never runs R.
suppressPackageStartupMessages({library(lavaan); library(jsonlite)})

fit_block <- function(fit) {
  fm <- fitMeasures(fit, c("npar", "chisq", "df", "pvalue", "cfi", "tli", "rmsea", "srmr",
                           "logl", "aic", "bic", "ntotal"))
  pe <- parameterEstimates(fit, standardized = TRUE)
  pe <- pe[, intersect(c("lhs", "op", "rhs", "group", "label", "est", "se", "std.all"),
                       names(pe))]
  list(fit = as.list(unclass(fm)), estimates = pe,
       converged = lavInspect(fit, "converged"),
       admissible = lavInspect(fit, "post.check"))
}

# every modification index except those of the fixed.x covariates (always 0 in lavaan)
mi_rows <- function(fit) {
  mi <- modindices(fit, sort. = TRUE)
  exo <- lavNames(fit, "ov.x")
  mi <- mi[!(mi$lhs %in% exo & mi$op %in% c("~", "~~")), ]
  mi[, c("lhs", "op", "rhs", "mi", "epc")]
}

out <- list(versions = list(lavaan = as.character(packageVersion("lavaan"))))
add <- function(name, model, fit, data, ...) {
  out[[name]] <<- c(list(model = model, data = data, options = list(...)), fit_block(fit))
}

growth <- Demo.growth
write.csv(growth, "tests/reference/demo_growth.csv", row.names = FALSE)
growth <- read.csv("tests/reference/demo_growth.csv")
hs <- HolzingerSwineford1939
hs$female <- as.numeric(hs$sex == 2)  # cxlab's holzinger_swineford: female = (sex == 2)

# 1. Growth with time-varying covariates (lavaan tutorial, "Growth curves"), through sem():
#    each t is an indicator of i and s and regressed on its c
tvc <- '
  i =~ 1*t1 + 1*t2 + 1*t3 + 1*t4
  s =~ 0*t1 + 1*t2 + 2*t3 + 3*t4
  t1 ~ c1
  t2 ~ c2
  t3 ~ c3
  t4 ~ c4
'
add("growth_tvc", tvc, sem(tvc, data = growth), "demo_growth")
# 2. ... and time-invariant covariates of the growth factors
tvc_x <- paste(tvc, '  i ~ x1 + x2\n  s ~ x1 + x2\n')
fit_tvc_x <- sem(tvc_x, data = growth)
add("growth_tvc_x", tvc_x, fit_tvc_x, "demo_growth")
out$growth_tvc_x$modindices <- mi_rows(fit_tvc_x)
# 3. The same as growth() fits it: sem() with the intercepts of t1..t4 fixed at 0 and free
#    means of the growth factors (the 'x ~ 0*1' intercept syntax, several outcomes at once)
tvc_means <- paste(tvc_x, '  t1 + t2 + t3 + t4 ~ 0*1\n  i ~ 1\n  s ~ 1\n')
fit_g <- sem(tvc_means, data = growth)
stopifnot(abs(fitMeasures(fit_g, "chisq") -
              fitMeasures(growth(tvc_x, data = growth), "chisq")) < 1e-6)
add("growth_tvc_means", tvc_means, fit_g, "demo_growth")
# 4. The basic linear growth model (tutorial), through sem() with a mean structure
basic <- '
  i =~ 1*t1 + 1*t2 + 1*t3 + 1*t4
  s =~ 0*t1 + 1*t2 + 2*t3 + 3*t4
  t1 ~ 0*1
  t2 ~ 0*1
  t3 ~ 0*1
  t4 ~ 0*1
  i ~ 1
  s ~ 1
'
add("growth_basic", basic, sem(basic, data = growth, meanstructure = TRUE), "demo_growth",
    meanstructure = TRUE)
# 5. FIML: 15 % of t1..t4 missing at random (the higher c1, the more often), covariates complete
set.seed(26)
gm <- growth
for (v in paste0("t", 1:4)) gm[runif(nrow(gm)) < plogis(-2 + 0.8 * gm$c1), v] <- NA
write.csv(gm, "tests/reference/demo_growth_missing.csv", row.names = FALSE, na = "")
gm <- read.csv("tests/reference/demo_growth_missing.csv")
add("growth_tvc_x_fiml", tvc_x, sem(tvc_x, data = gm, missing = "ml"), "demo_growth_missing",
    missing = "ml")

# 5b. lavaan's growth() itself (observed intercepts fixed at 0, growth factor means free):
#     the basic model, with both kinds of covariates, and with FIML (cx.sem.growth)
basic_g <- '
  i =~ 1*t1 + 1*t2 + 1*t3 + 1*t4
  s =~ 0*t1 + 1*t2 + 2*t3 + 3*t4
'
fit_fn_basic <- growth(basic_g, data = growth)
add("growth_fn_basic", basic_g, fit_fn_basic, "demo_growth", "function" = "growth")
# lavaan scores the parameters the user fixed: the loadings 1, 2, 3 and the intercepts 0
out$growth_fn_basic$modindices <- mi_rows(fit_fn_basic)
add("growth_fn_tvc_x", tvc_x, growth(tvc_x, data = growth), "demo_growth", "function" = "growth")
add("growth_fn_tvc_x_fiml", tvc_x, growth(tvc_x, data = gm, missing = "ml"),
    "demo_growth_missing", "function" = "growth", missing = "ml")

# 5c. Missing covariates: the growth data with x1 and c2 missing too; missing = "ml" drops
#     the 50 rows missing a covariate (fixed.x), missing = "ml.x" keeps them, treating the
#     covariates as random (cx.sem.fit(missing = "fiml.x"))
set.seed(7)
gx <- gm
gx$x1[sample(nrow(gx), 30)] <- NA
gx$c2[sample(nrow(gx), 20)] <- NA
write.csv(gx, "tests/reference/demo_growth_missing_x.csv", row.names = FALSE, na = "")
gx <- read.csv("tests/reference/demo_growth_missing_x.csv")
add("growth_tvc_x_fiml_dropx", tvc_x, sem(tvc_x, data = gx, missing = "ml"),
    "demo_growth_missing_x", missing = "ml")
add("growth_tvc_x_fiml_x", tvc_x, sem(tvc_x, data = gx, missing = "ml.x"),
    "demo_growth_missing_x", missing = "ml.x")

# 6. MIMIC on Holzinger-Swineford: three factors on female and age, and a direct effect of
#    female on the item x1 (the multi-outcome shorthand 'a + b ~ x')
mimic <- '
  visual  =~ x1 + x2 + x3
  textual =~ x4 + x5 + x6
  speed   =~ x7 + x8 + x9
  visual + textual + speed ~ female + ageyr
  x1 ~ female
'
fit_mimic <- sem(mimic, data = hs)
add("hs_mimic", mimic, fit_mimic, "holzinger_swineford")
out$hs_mimic$modindices <- mi_rows(fit_mimic)
# 7. ... the same without the direct effect (the model cxlab already fitted correctly)
mimic0 <- sub("  x1 ~ female\n", "", mimic, fixed = TRUE)
add("hs_mimic_no_direct", mimic0, sem(mimic0, data = hs), "holzinger_swineford")
# 8. ... in two groups (schools), configural
add("hs_mimic_school", mimic, sem(mimic, data = hs, group = "school"), "holzinger_swineford",
    group = "school")
# 9. ... and with equal loadings and intercepts
add("hs_mimic_school_scalar", mimic,
    sem(mimic, data = hs, group = "school", group.equal = c("loadings", "intercepts")),
    "holzinger_swineford", group = "school", group_equal = c("loadings", "intercepts"))

# 10. Holzinger-Swineford CFA with a mean structure written out: the marker items'
#     intercepts fixed at 0 and the factor means free
hs_means <- '
  visual  =~ x1 + x2 + x3
  textual =~ x4 + x5 + x6
  speed   =~ x7 + x8 + x9
  x1 ~ 0*1
  x4 ~ 0*1
  x7 ~ 0*1
  visual + textual + speed ~ 1
'
add("hs_cfa_means", hs_means, cfa(hs_means, data = hs), "holzinger_swineford")
# 10b. Parameters fixed by the user are scored by modindices() at their fixed values
hs_fixed <- '
  visual  =~ x1 + x2 + x3 + 0*x9
  textual =~ x4 + x5 + x6
  speed   =~ x7 + x8 + x9
  x1 ~~ 0*x4
  x2 ~~ 0.3*x5
'
fit_hs_fixed <- sem(hs_fixed, data = hs)
add("hs_user_fixed", hs_fixed, fit_hs_fixed, "holzinger_swineford")
out$hs_user_fixed$modindices <- mi_rows(fit_hs_fixed)
# 11. Political democracy, the tutorial SEM (residual covariances with 'a + b ~~ c' shorthand)
pd_model <- '
  ind60 =~ x1 + x2 + x3
  dem60 =~ y1 + y2 + y3 + y4
  dem65 =~ y5 + y6 + y7 + y8
  dem60 ~ ind60
  dem65 ~ ind60 + dem60
  y1 ~~ y5
  y2 ~~ y4 + y6
  y3 ~~ y7
  y4 + y6 ~~ y8
'
add("political_democracy", pd_model, sem(pd_model, data = PoliticalDemocracy),
    "political_democracy")

writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, pretty = TRUE, na = "null",
                  dataframe = "rows"),
           "tests/reference/lavaan_examples.json")
