#!/usr/bin/env bash
# Whole-process time of `./covid-unet info` against nibabel loading the same file and computing
# min/max/mean, alternating runs, median of N (default 5). The file is the seeded CT-like
# 512×512×300 int16 .nii.gz that `bench io` writes.
# Usage: bench/info-vs-nibabel.sh [N]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=bench/common.sh
. "$here/bench/common.sh"
runs="${1:-5}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
file="$work/ct.nii.gz"

"$here/covid-unet" bench io --output "$file" >/dev/null
/usr/bin/python3 -c 'import nibabel' || { echo "nibabel missing: apt-get install -y python3-nibabel" >&2; exit 2; }


ours=(); peer=()
for _ in $(seq "$runs"); do
	ours+=("$(seconds "$here/covid-unet" info --input "$file")")
	peer+=("$(seconds /usr/bin/python3 -c 'import sys, nibabel as nib; d = nib.load(sys.argv[1]).get_fdata(); print(d.min(), d.max(), d.mean())' "$file")")
done
o=$(printf '%s\n' "${ours[@]}" | median)
p=$(printf '%s\n' "${peer[@]}" | median)
printf 'info_s_median=%.3f nibabel_s_median=%.3f ratio=%.2f runs=%d\n' "$o" "$p" "$(awk -v o="$o" -v p="$p" 'BEGIN { print o / p }')" "$runs"
