#!/usr/bin/env bash
# Issue 5's acceptance run: a 20-case phantom cohort (seed 1), a 5-fold split (seed 1), the CPU
# default trained on fold K (default 0) for at most M minutes (default 10), then the held-out
# cases segmented and scored on their own grids (bench/HeldOutDice.java). Prints the training's
# summary, one line per held-out case and pooled_lung_dice=… pooled_infection_dice=….
# Usage: bench/train-phantom.sh WORKDIR [K] [M]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
work="${1:?usage: bench/train-phantom.sh WORKDIR [FOLD] [MINUTES]}"
fold="${2:-0}"
minutes="${3:-10}"
mkdir -p "$work"
[ -d "$work/cohort" ] || "$here/covid-unet" phantom --output "$work/cohort" --cases 20 --seed 1 >/dev/null
[ -f "$work/folds.json" ] || "$here/covid-unet" folds --dataset "$work/cohort" --output "$work/folds.json" --folds 5 \
	--seed 1 >/dev/null
"$here/covid-unet" train --dataset "$work/cohort" --folds_file "$work/folds.json" --fold "$fold" \
	--output "$work/model_$fold" --max_minutes "$minutes" --cache "$work/cache" | tail -n 1
java -cp "$here/target/classes:$here/target/dependency/*" "$here/bench/HeldOutDice.java" "$work/cohort" \
	"$work/folds.json" "$fold" "$work/model_$fold" 2>/dev/null
