#!/usr/bin/env bash
# One forward pass (softmax included) of the 3D U-Net on one 96³ window (batch 1, 4 levels, 16
# base filters, no norm, 4 classes, inference mode): `./covid-unet bench infer` against the same
# network in PyTorch (../shared/bench/peer_unet3d_torch.py infer, no_grad, 2 threads), alternating
# N rounds (default 3), median of each side's medians. Our runs also segment a whole CT-like
# 512×512×200 volume with that network (seconds_per_volume). The acceptance asks for ratio ≤ 0.5.
# Usage: bench/infer-vs-torch.sh [N]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=bench/common.sh
. "$here/bench/common.sh"
runs="${1:-3}"
torch_peer
net=(size=96 levels=4 base=16 norm=none classes=4)
as_options "${net[@]}"

ours=(); volumes=(); theirs=(); line=""; peer_line=""
for _ in $(seq "$runs"); do
	line="$("$here/covid-unet" bench infer "${options[@]}")"
	ours+=("$(value seconds_per_window <<<"$line")")
	volumes+=("$(value seconds_per_volume <<<"$line")")
	peer_line="$(/usr/bin/python3 "$peer" infer "${net[@]}")"
	theirs+=("$(value step_s_median <<<"$peer_line")")
done
o=$(printf '%s\n' "${ours[@]}" | median)
p=$(printf '%s\n' "${theirs[@]}" | median)
printf 'ours_s_per_window=%s torch_s_per_window=%s ratio=%.3f seconds_per_volume=%s windows=%s peak_rss_mb=%s params=%s torch=%s runs=%d\n' \
	"$o" "$p" "$(awk -v o="$o" -v p="$p" 'BEGIN { print o / p }')" "$(printf '%s\n' "${volumes[@]}" | median)" \
	"$(value windows <<<"$line")" "$(value peak_rss_mb <<<"$line")" "$(value params <<<"$line")" \
	"$(value peer <<<"$peer_line")" "$runs"
