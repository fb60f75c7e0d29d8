#!/usr/bin/env bash
# One spatially augmented 160×160×80 patch from a 256×256×128 volume (elastic + rotation +
# scaling, cubic image, nearest labels): `./covid-unet bench augment` (single thread) against the
# SciPy peer (../shared/bench/peer_augment_scipy.py, batchgenerators' way), alternating N rounds
# (default 3), median of each side's medians. The acceptance asks for ratio ≤ 0.2.
# Usage: bench/augment-vs-scipy.sh [N]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=bench/common.sh
. "$here/bench/common.sh"
runs="${1:-3}"
peer="${PEER_AUGMENT:-$here/../shared/bench/peer_augment_scipy.py}"
[ -f "$peer" ] || { echo "peer benchmark missing: $peer (set PEER_AUGMENT)" >&2; exit 2; }
/usr/bin/python3 -c 'import scipy' || { echo "SciPy missing: apt-get install -y python3-scipy" >&2; exit 2; }


ours=(); all=(); theirs=(); line=""
for _ in $(seq "$runs"); do
	line="$("$here/covid-unet" bench augment)"
	ours+=("$(value ms_per_patch_1thread <<<"$line")")
	all+=("$(value ms_per_patch_all <<<"$line")")
	theirs+=("$(/usr/bin/python3 "$peer" reps=5 | value ms_per_patch_median)")
done
o=$(printf '%s\n' "${ours[@]}" | median)
a=$(printf '%s\n' "${all[@]}" | median)
p=$(printf '%s\n' "${theirs[@]}" | median)
printf 'ours_ms_1thread=%s ours_ms_all=%s scipy_ms=%s ratio=%.3f kernel=%s field_grid=%s runs=%d\n' "$o" "$a" "$p" \
	"$(awk -v o="$o" -v p="$p" 'BEGIN { print o / p }')" "$(value kernel <<<"$line")" \
	"$(value field_grid <<<"$line")" "$runs"
