#!/usr/bin/env bash
# Prints the SHA-256 of everything a seeded run of the main job writes, to check that a change
# keeps the outputs byte for byte: a 4-case phantom cohort (seed 3), a 2-fold split (seed 1), one
# short epoch of the CPU card on fold 0 (4 steps, one thread, seed 5) and the segmentation of the
# cohort's scans with their probabilities. REPO is the checkout whose launcher runs (built there
# first if needed), so two commits compare as
#   bench/same-outputs.sh OLD_CHECKOUT /tmp/a > a.txt; bench/same-outputs.sh . /tmp/b > b.txt; diff a.txt b.txt
# model.json is summarised by its SavedModel digest (its own layout may change between formats),
# history.tsv without its last column (seconds).
# Usage: bench/same-outputs.sh REPO WORKDIR
set -euo pipefail
repo="$(cd "${1:?usage: bench/same-outputs.sh REPO WORKDIR}" && pwd)"
work="${2:?usage: bench/same-outputs.sh REPO WORKDIR}"
rm -rf "$work"
mkdir -p "$work"
run() { "$repo/covid-unet" "$@" >/dev/null; }
run phantom --output "$work/cohort" --cases 4 --seed 3
run folds --dataset "$work/cohort" --output "$work/folds.json" --folds 2 --seed 1
/usr/bin/python3 - "$repo/models/cpu-small.json" "$work/card.json" <<'EOF'
import json, sys
card = json.load(open(sys.argv[1]))
card["training"]["iterations_per_epoch"] = 4
card["training"]["max_epochs"] = 1
json.dump(card, open(sys.argv[2], "w"), indent=2)
EOF
run train --dataset "$work/cohort" --folds_file "$work/folds.json" --fold 0 --config "$work/card.json" \
	--output "$work/model" --cache "$work/cache" --threads 1 --seed 5
run segment --input "$work/cohort/COVID-19-CT-Seg_20cases" --model "$work/model" --output "$work/labels" \
	--probabilities true --threads 1
cd "$work"
find cohort -type f | LC_ALL=C sort | xargs sha256sum
sha256sum folds.json folds.csv
find labels -type f | LC_ALL=C sort | xargs sha256sum
echo "saved_model_sha256 $(/usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["saved_model_sha256"])' \
	model/model.json)"
echo "history_without_seconds $(cut -f 1-8 model/history.tsv | sha256sum | cut -d ' ' -f 1)"
