#!/usr/bin/env bash
# Issue 16's acceptance run: a model trained the demo way (a 12-case phantom cohort, seed 1; a
# 4-fold split, seed 1; the CPU card on fold 0 for M minutes, default 10), then, for each
# additional M minutes given, the same training resumed for that long. After each stage: the real
# CT fixtures segmented (without and with --postprocess) and scored by bench/real_ct.py, and the
# held-out phantoms by bench/HeldOutDice.java. Prints one line per stage and option.
# A stage of 0 minutes scores the model in WORKDIR as it is (e.g. after a change to segment); a
# model already in WORKDIR is resumed, not replaced (stages are then numbered from 0 again).
# SEED (default 1, the demo's) seeds the training's weights and patches; the cohort and split stay.
# CARD (default models/cpu-small.json) is the configuration trained.
# Usage: [SEED=S] [CARD=F] bench/real-ct.sh WORKDIR [M [M2 ...]]     e.g. bench/real-ct.sh /tmp/real 10 10 20
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
work="${1:?usage: bench/real-ct.sh WORKDIR [MINUTES ...]}"
shift
[ $# -gt 0 ] || set -- 10
data="$here/../shared/data/real"
mkdir -p "$work"
[ -d "$work/cohort" ] || "$here/covid-unet" phantom --output "$work/cohort" --cases 12 --seed 1 >/dev/null
[ -f "$work/folds.json" ] || "$here/covid-unet" folds --dataset "$work/cohort" --output "$work/folds.json" --folds 4 \
	--seed 1 >/dev/null
total=0
resume=false
[ ! -f "$work/model/model.json" ] || resume=true
for minutes in "$@"; do
	[ "$minutes" -eq 0 ] || "$here/covid-unet" train --dataset "$work/cohort" --folds_file "$work/folds.json" --fold 0 \
		--config "${CARD:-$here/models/cpu-small.json}" --output "$work/model" --cache "$work/cache" --max_minutes "$minutes" \
		--seed "${SEED:-1}" --resume "$resume" | tail -n 1
	[ "$minutes" -eq 0 ] || resume=true
	total=$((total + minutes))
	for post in false true; do
		for scan in example_ct_sm example_ct; do
			"$here/covid-unet" segment --input "$data/$scan.nii.gz" --model "$work/model" --postprocess "$post" \
				--output "$work/${scan}_${total}min_post-$post.nii.gz" --overwrite true >/dev/null
		done
		echo "minutes=$total postprocess=$post $(/usr/bin/python3 "$here/bench/real_ct.py" "$data" \
			"$work/example_ct_sm_${total}min_post-$post.nii.gz" "$work/example_ct_${total}min_post-$post.nii.gz")"
	done
	echo "minutes=$total held-out phantoms: $(java -cp "$here/target/classes:$here/target/dependency/*" \
		"$here/bench/HeldOutDice.java" "$work/cohort" "$work/folds.json" 0 "$work/model" 2>/dev/null | tail -n 1)"
done
