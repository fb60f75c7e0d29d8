#!/usr/bin/env bash
# Segments altered copies of the real CT fixture (bench/real_ct_probes.py: the lungs made uniform,
# the table, bone or fat removed, HU shifted, the voxel size scaled in-plane or across slices)
# with MODEL and prints the lungs, left and right Dice of each against TotalSegmentator's lobes: a
# change that raises them points at what the model misses in real CT (docs/real-scans.md).
# Usage: bench/real-ct-probes.sh MODEL WORKDIR
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
model="${1:?usage: bench/real-ct-probes.sh MODEL WORKDIR}"
work="${2:?usage: bench/real-ct-probes.sh MODEL WORKDIR}"
data="$here/../shared/data/real"
mkdir -p "$work/variants" "$work/labels"
/usr/bin/python3 "$here/bench/real_ct_probes.py" make "$data" "$work/variants"
for variant in "$work"/variants/*.nii.gz; do
	"$here/covid-unet" segment --input "$variant" --model "$model" --output "$work/labels/$(basename "$variant")" \
		--overwrite true >/dev/null
done
/usr/bin/python3 "$here/bench/real_ct_probes.py" score "$data" "$work"/labels/*.nii.gz
