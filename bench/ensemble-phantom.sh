#!/usr/bin/env bash
# Issue 6's ensemble check: the five fold models of a 20-case phantom cohort (seed 1, 5 folds,
# the CPU default, M minutes per fold, default 4) segment a separate test cohort (seed 2, N cases,
# default 5) one by one and as an ensemble; each set of labels is scored against the masks by
# nibabel/NumPy (pooled lung Dice over labels 1-3, pooled infection Dice). Prints one line per
# model: `fold_k lung=… infection=…`, then `ensemble lung=… infection=…`.
# Usage: bench/ensemble-phantom.sh WORKDIR [M] [N]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
work="${1:?usage: bench/ensemble-phantom.sh WORKDIR [MINUTES] [CASES]}"
minutes="${2:-4}"
cases="${3:-5}"
mkdir -p "$work"
[ -d "$work/cohort" ] || "$here/covid-unet" phantom --output "$work/cohort" --cases 20 --seed 1 >/dev/null
[ -f "$work/folds.json" ] || "$here/covid-unet" folds --dataset "$work/cohort" --output "$work/folds.json" --folds 5 \
	--seed 1 >/dev/null
[ -d "$work/test" ] || "$here/covid-unet" phantom --output "$work/test" --cases "$cases" --seed 2 >/dev/null
[ -f "$work/models/fold_4/model.json" ] || "$here/covid-unet" train --dataset "$work/cohort" \
	--folds_file "$work/folds.json" --fold all --output "$work/models" --max_minutes "$minutes" --resume true \
	--cache "$work/cache" | tail -n 5
images="$work/test/COVID-19-CT-Seg_20cases"
for k in 0 1 2 3 4; do
	"$here/covid-unet" segment --input "$images" --model "$work/models/fold_$k" --output "$work/labels/fold_$k" >/dev/null
done
"$here/covid-unet" segment --input "$images" --model "$work/models" --output "$work/labels/ensemble" >/dev/null
for set in fold_0 fold_1 fold_2 fold_3 fold_4 ensemble; do
	/usr/bin/python3 - "$work/labels/$set" "$work/test/Lung_and_Infection_Mask" "$set" <<'PY'
import os, sys
import numpy as np
import nibabel as nib
labels, masks, name = sys.argv[1:4]
tp = {"lung": 0, "infection": 0}; fp = dict(tp); fn = dict(tp)
for f in sorted(os.listdir(masks)):
    truth = np.asanyarray(nib.load(os.path.join(masks, f)).dataobj)
    pred = np.asanyarray(nib.load(os.path.join(labels, f)).dataobj)
    for key, t, p in (("lung", truth > 0, pred > 0), ("infection", truth == 3, pred == 3)):
        tp[key] += int(np.sum(t & p)); fp[key] += int(np.sum(~t & p)); fn[key] += int(np.sum(t & ~p))
dice = {k: 2 * tp[k] / max(1, 2 * tp[k] + fp[k] + fn[k]) for k in tp}
print("%s lung=%.4f infection=%.4f" % (name, dice["lung"], dice["infection"]))
PY
done
