# Reference numbers from psych 2.2.9 / semTools 0.5.6 / lavaan 0.6.14 (Debian packages
# r-cran-psych r-cran-semtools r-cran-lavaan, GPArotation 2022.10.2) for cxlab.psychometrics.
# Run from the repository root:
#   Rscript tests/reference/psychometrics.R
# It reads the bundled CSV files in datasets/ (read only) and writes
# tests/reference/psychometrics.json. tests/test_psychometrics.py reads the JSON; it never
# runs R. Matrices are stored column by column: {column: {row: value}}.
options(mc.cores = 1)
suppressPackageStartupMessages({
  library(lavaan); library(semTools); library(psych); library(jsonlite)
})

read_dataset <- function(name) read.csv(file.path("datasets", paste0(name, ".csv")))
named <- function(x, nm) as.list(setNames(as.numeric(x), nm))
by_column <- function(m) {
  lapply(setNames(seq_len(ncol(m)), colnames(m)),
         function(j) as.list(setNames(as.numeric(m[, j]), rownames(m))))
}
model_syntax <- function(scales) {
  paste(vapply(names(scales), function(s) paste(s, "=~", paste(scales[[s]], collapse = " + ")),
               character(1)), collapse = "\n")
}

# Cronbach's alpha (psych::alpha: raw alpha, Feldt CI, r.drop, alpha if dropped) and the
# one-factor CFA of each scale (lavaan ML): omega, composite reliability, AVE, loadings.
scale_reference <- function(d, items) {
  x <- d[, items]
  a <- psych::alpha(x, warnings = FALSE, check.keys = FALSE)
  out <- list(n_items = length(items), n = nrow(na.omit(x)),
              raw_alpha = a$total$raw_alpha,
              alpha_ci_low = a$feldt$lower.ci[[1]], alpha_ci_high = a$feldt$upper.ci[[1]],
              r_drop = named(a$item.stats$r.drop, items),
              alpha_if_dropped = named(a$alpha.drop$raw_alpha, items))
  if (length(items) < 3) return(out)
  model <- paste("F =~", paste(items, collapse = " + "))
  fit <- cfa(model, data = x)
  fit_std <- cfa(model, data = x, std.ov = TRUE)
  std <- standardizedSolution(fit)
  l <- std$est.std[std$op == "=~"]
  c(out, list(
    admissible = lavInspect(fit, "post.check"),
    # model-implied omega: (sum lambda)^2 psi / ((sum lambda)^2 psi + sum theta)
    omega_total = unname(compRelSEM(fit, obs.var = FALSE)[["F"]]),
    # semTools' default divides by the observed variance of the sum score instead
    omega_observed_variance = unname(compRelSEM(fit)[["F"]]),
    composite_reliability = unname(compRelSEM(fit_std, obs.var = FALSE)[["F"]]),
    composite_reliability_formula = sum(l)^2 / (sum(l)^2 + sum(1 - l^2)),
    ave = mean(l^2),
    ave_semtools_standardized = unname(AVE(fit_std, obs.var = FALSE)[["F"]]),
    # semTools::AVE on the raw metric weights items by their variances (not Fornell-Larcker)
    ave_semtools_raw_metric = unname(AVE(fit)[["F"]]),
    loadings = named(l, items)))
}

dataset_reference <- function(d, scales, efa = FALSE) {
  items <- unlist(scales, use.names = FALSE)
  x <- d[, items]
  model <- model_syntax(scales)
  kmo <- psych::KMO(x)
  bart <- psych::cortest.bartlett(cor(x), n = nrow(x))
  scores <- sapply(scales, function(v) rowMeans(d[, v, drop = FALSE]))
  cfa_fit <- cfa(model, data = x)
  out <- list(
    n = nrow(x),
    scales = scales,
    reliability = lapply(scales, function(v) scale_reference(d, v)),
    htmt = by_column(unclass(htmt(model, data = x, htmt2 = FALSE))),
    htmt2 = by_column(unclass(htmt(model, data = x, htmt2 = TRUE))),
    kmo = list(overall = kmo$MSA, items = named(kmo$MSAi, items)),
    bartlett = list(chisq = bart$chisq, df = bart$df, p_value = bart$p.value),
    cross_loadings = by_column(cor(x, scores)),
    cfa = list(latent_cor = by_column(lavInspect(cfa_fit, "cor.lv")),
               ave_standardized = named(vapply(names(scales), function(s) {
                 ss <- standardizedSolution(cfa_fit)
                 mean(ss$est.std[ss$op == "=~" & ss$lhs == s]^2)
               }, numeric(1)), names(scales)))
  )
  # Harman's single-factor test: first unrotated component / factor of all items
  pc <- psych::principal(x, nfactors = 1, rotate = "none")
  f1 <- psych::fa(x, nfactors = 1, fm = "minres", rotate = "none")
  out$harman <- list(first_component_share = pc$values[1] / ncol(x),
                     first_factor_share = f1$Vaccounted["Proportion Var", 1])
  if (efa) {
    set.seed(20240601)  # fa.parallel simulates with mclapply: one core keeps it reproducible
    pa <- psych::fa.parallel(x, fm = "minres", fa = "fa", n.iter = 100, plot = FALSE)
    f <- psych::fa(x, nfactors = pa$nfact, rotate = "oblimin", fm = "minres")
    load <- unclass(f$loadings)
    out$efa <- list(
      n_factors = pa$nfact,
      parallel_observed = pa$fa.values,
      parallel_simulated_mean = pa$fa.sim,
      loadings = by_column(load),
      communalities = named(f$communality, items),
      factor_cor = by_column(f$Phi),
      proportion_var = named(f$Vaccounted["Proportion Var", ], colnames(load)),
      eigenvalues = f$e.values)
    f4 <- psych::fa(x, nfactors = 4, rotate = "varimax", fm = "minres")
    out$efa_varimax4 <- list(loadings = by_column(unclass(f4$loadings)),
                             communalities = named(f4$communality, items))
  }
  out
}

ecsi <- read_dataset("ecsi_mobile")
ecsi_scales <- list(IMAG = paste0("IMAG", 1:5), CUEX = paste0("CUEX", 1:3),
                    PERQ = paste0("PERQ", 1:7), PERV = paste0("PERV", 1:2),
                    CUSA = paste0("CUSA", 1:3), CUSL = paste0("CUSL", 1:3))

hs <- read_dataset("holzinger_swineford")
hs_scales <- list(visual = c("x1", "x2", "x3"), textual = c("x4", "x5", "x6"),
                  speed = c("x7", "x8", "x9"))

hotel <- read_dataset("hotel_4e")
hotel$esc3r <- 8 - hotel$esc3r  # reverse-keyed item on a 1-7 scale
hotel_scales <- list(edu = paste0("edu", 1:3), est = paste0("est", 1:3),
                     ent = paste0("ent", 1:3), esc = c("esc1", "esc2", "esc3r"),
                     mem = paste0("mem", 1:3), sat = paste0("sat", 1:3),
                     loy = paste0("loy", 1:3), wom = paste0("wom", 1:3))

out <- list(
  versions = list(lavaan = as.character(packageVersion("lavaan")),
                  semTools = as.character(packageVersion("semTools")),
                  psych = as.character(packageVersion("psych")),
                  GPArotation = as.character(packageVersion("GPArotation"))),
  ecsi_mobile = dataset_reference(ecsi, ecsi_scales, efa = TRUE),
  holzinger_swineford = dataset_reference(hs, hs_scales),
  hotel_4e = dataset_reference(hotel, hotel_scales, efa = TRUE)
)
write_json(out, "tests/reference/psychometrics.json", auto_unbox = TRUE, digits = NA,
           pretty = TRUE)
