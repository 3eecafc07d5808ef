# Reference numbers for the standardized value (std.all) of ':=' parameters when one
# label sits on several parameters, used by tests/test_bad_input_sem.py:
#   (a) a two-group model (Holzinger-Swineford by school) whose labels are shared by
#       both groups (equality constraints), so each label is on two parameters;
#   (b) a one-group model where the label b is written on two different paths.
# lavaan evaluates a ':=' expression at the standardized value of the FIRST parameter
# carrying each label; the ':=' rows have group 0 (block 0).
# Run from the repository root (reads datasets/holzinger_swineford.csv, read only):
#   Rscript tests/reference/lavaan_defined_std.R tests/reference/lavaan_defined_std.json
suppressMessages({library(lavaan); library(jsonlite)})
args <- commandArgs(trailingOnly = TRUE)
out_file <- if (length(args)) args[1] else "tests/reference/lavaan_defined_std.json"
hs <- read.csv(file.path("datasets", "holzinger_swineford.csv"))

two_groups <- '
  visual =~ x1 + x2 + x3
  textual =~ x4 + x5 + x6
  speed =~ x7 + x8 + x9
  textual ~ a*visual
  speed ~ b*textual + c*visual
  ind := a*b
  tot := c + a*b
'
reused <- '
  visual =~ x1 + x2 + x3
  textual =~ x4 + x5 + x6
  speed =~ x7 + x8 + x9
  textual ~ a*visual
  speed ~ b*textual + b*visual
  ind := a*b
  dbl := 2*b
'
defined <- function(fit) {
  pe <- parameterEstimates(fit, standardized = TRUE)
  ss <- standardizedSolution(fit)
  pe <- pe[pe$op == ":=", ]
  ss <- ss[ss$op == ":=", ]
  out <- data.frame(lhs = pe$lhs, rhs = pe$rhs, est = pe$est, se = pe$se,
                    std.all = pe$std.all, est.std = ss$est.std, se.std = ss$se,
                    ci.lower.std = ss$ci.lower, ci.upper.std = ss$ci.upper)
  # only multi-group output has group / block columns (0 on ':=' rows)
  if (!is.null(pe$group)) {
    out$group <- pe$group
    out$block <- pe$block
    out$group.std <- ss$group
  }
  out
}
labelled <- function(fit) {
  pe <- parameterEstimates(fit, standardized = TRUE)
  if (is.null(pe$group)) pe$group <- 1L
  pe <- pe[pe$label != "" & pe$op != ":=", ]
  data.frame(lhs = pe$lhs, op = pe$op, rhs = pe$rhs, group = pe$group, label = pe$label,
             est = pe$est, std.all = pe$std.all)
}
fit_a <- sem(two_groups, data = hs, group = "school")
fit_b <- sem(reused, data = hs)
out <- list(
  lavaan = as.character(packageVersion("lavaan")),
  two_groups = list(model = two_groups, data = "holzinger_swineford", group = "school",
                    group_labels = lavInspect(fit_a, "group.label"),
                    defined = defined(fit_a), labelled = labelled(fit_a)),
  reused_label = list(model = reused, data = "holzinger_swineford",
                      defined = defined(fit_b), labelled = labelled(fit_b))
)
writeLines(toJSON(out, auto_unbox = TRUE, pretty = TRUE, digits = NA), out_file)
