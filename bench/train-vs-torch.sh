#!/usr/bin/env bash
# One training step of the 3D U-Net (64³, batch 1, 4 levels, 16 base filters, no norm, 4 classes;
# the reference's Tversky + cross-entropy loss, Adam lr 1e-3): `./covid-unet bench train` against
# the same network in PyTorch (../shared/bench/peer_unet3d_torch.py train), alternating N rounds
# (default 3), median of each side's medians. The acceptance asks for ratio ≤ 0.5.
# Usage: bench/train-vs-torch.sh [N]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=bench/common.sh
. "$here/bench/common.sh"
runs="${1:-3}"
torch_peer
net=(size=64 levels=4 base=16 batch=1 norm=none classes=4)
as_options "${net[@]}"


ours=(); theirs=(); line=""; peer_line=""
for _ in $(seq "$runs"); do
	line="$("$here/covid-unet" bench train "${options[@]}")"
	ours+=("$(value step_s_median <<<"$line")")
	peer_line="$(/usr/bin/python3 "$peer" train "${net[@]}")"
	theirs+=("$(value step_s_median <<<"$peer_line")")
done
o=$(printf '%s\n' "${ours[@]}" | median)
p=$(printf '%s\n' "${theirs[@]}" | median)
printf 'ours_step_s=%s torch_step_s=%s ratio=%.3f gflops=%s peak_rss_mb=%s params=%s torch=%s runs=%d\n' "$o" "$p" \
	"$(awk -v o="$o" -v p="$p" 'BEGIN { print o / p }')" "$(value gflops <<<"$line")" \
	"$(value peak_rss_mb <<<"$line")" "$(value params <<<"$line")" "$(value peer <<<"$peer_line")" "$runs"
