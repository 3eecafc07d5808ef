# Modification indices of the Political Democracy CFA without residual covariances,
# and of the Holzinger-Swineford 3-factor CFA (lavaan defaults).
#   Rscript tests/reference/lavaan_modindices.R tests/reference/lavaan_modindices.json
suppressMessages({library(lavaan); library(jsonlite)})
args <- commandArgs(trailingOnly = TRUE)
pd_cfa <- '
  ind60 =~ x1 + x2 + x3
  dem60 =~ y1 + y2 + y3 + y4
  dem65 =~ y5 + y6 + y7 + y8
'
hs <- 'visual =~ x1 + x2 + x3
textual =~ x4 + x5 + x6
speed =~ x7 + x8 + x9'
keep <- c("lhs", "op", "rhs", "mi", "epc", "sepc.all")
pd_mi <- modindices(cfa(pd_cfa, data = PoliticalDemocracy), sort. = TRUE)
hs_mi <- modindices(cfa(hs, data = HolzingerSwineford1939), sort. = TRUE)
# regressions proposed between structural variables: a path model on airline_mot and the
# Political Democracy SEM without the direct ind60 -> dem65 path
airline_model <- 'sat_overall ~ mot_booking + mot_checkin + mot_boarding + mot_crew + mot_meal + mot_arrival
nps_score ~ sat_overall + ces'
airline <- read.csv(file.path(dirname(args[1]), "..", "..", "datasets", "airline_mot.csv"))
air_mi <- modindices(sem(airline_model, data = airline), sort. = TRUE)
pd_sem <- paste(pd_cfa, "dem60 ~ ind60\ndem65 ~ dem60\n")
pd_sem_mi <- modindices(sem(pd_sem, data = PoliticalDemocracy), sort. = TRUE)
# every candidate lavaan scores on the SEM: factor (residual) covariances and reversed
# structural paths included (cxlab scores the same set)
pd_sem_full <- modindices(sem(pd_sem, data = PoliticalDemocracy), sort. = TRUE)
out <- list(lavaan = as.character(packageVersion("lavaan")),
            airline_path = list(model = airline_model, mi = air_mi[air_mi$op == "~", keep]),
            political_democracy_sem = list(model = pd_sem, mi = pd_sem_mi[pd_sem_mi$op == "~", keep]),
            political_democracy_sem_full = list(model = pd_sem, mi = pd_sem_full[, keep]),
            political_democracy_cfa = list(model = pd_cfa, mi = pd_mi[, keep]),
            holzinger_swineford = list(model = hs, mi = hs_mi[, keep]))
writeLines(toJSON(out, auto_unbox = TRUE, pretty = TRUE, digits = NA), args[1])
