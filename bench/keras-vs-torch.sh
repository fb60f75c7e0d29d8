#!/usr/bin/env bash
# One 160×160×80 window (batch 1, softmax included, inference mode) of a published-size Keras
# model imported with import-keras (MIScnn's standard 3D U-Net: depth 4, 32 base filters, batch
# norm, 4 classes), against the same network in PyTorch (../shared/bench/peer_unet3d_torch.py
# infer patch=160,160,80 levels=5 base=32 norm=batch) and against this project's own U-Net of that
# size (bench infer --patch 160,160,80 --levels 5 --base 32 --norm batch), alternating N rounds
# (default 3), median of each side's medians. The imported model's runs also segment a CT-like
# 512×512×200 volume with the published recipe (seconds_per_volume, peak_rss_mb).
# Usage: bench/keras-vs-torch.sh MODEL_DIR [N]
#   MODEL_DIR: an imported model, e.g. published/fold_0 from download-model, or one made from the
#   tests' generator: /usr/bin/python3 src/test/resources/covidunet/model/keras/keras_fixture.py \
#     write --output m.hdf5 --variant standard && ./covid-unet import-keras --input m.hdf5 --output m
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=bench/common.sh
. "$here/bench/common.sh"
[ $# -ge 1 ] || { echo "usage: bench/keras-vs-torch.sh MODEL_DIR [N]" >&2; exit 2; }
model="$1"
runs="${2:-3}"
torch_peer
net=("patch=160,160,80" levels=5 base=32 norm=batch)
as_options "${net[@]}"

imported=(); native=(); theirs=(); volumes=(); line=""; peer_line=""
for _ in $(seq "$runs"); do
	line="$("$here/covid-unet" bench infer --model "$model" --steps 3)"
	imported+=("$(value seconds_per_window <<<"$line")")
	volumes+=("$(value seconds_per_volume <<<"$line")")
	native+=("$(value seconds_per_window <<<"$("$here/covid-unet" bench infer "${options[@]}" --steps 3)")")
	peer_line="$(/usr/bin/python3 "$peer" infer "${net[@]}" steps=3)"
	theirs+=("$(value step_s_median <<<"$peer_line")")
done
i=$(printf '%s\n' "${imported[@]}" | median)
n=$(printf '%s\n' "${native[@]}" | median)
p=$(printf '%s\n' "${theirs[@]}" | median)
printf 'imported_s_per_window=%s native_s_per_window=%s torch_s_per_window=%s ratio_to_torch=%.3f ratio_to_native=%.3f seconds_per_volume=%s windows=%s peak_rss_mb=%s params=%s runs=%d\n' \
	"$i" "$n" "$p" "$(awk -v a="$i" -v b="$p" 'BEGIN { print a / b }')" "$(awk -v a="$i" -v b="$n" 'BEGIN { print a / b }')" \
	"$(printf '%s\n' "${volumes[@]}" | median)" "$(value windows <<<"$line")" "$(value peak_rss_mb <<<"$line")" \
	"$(value params <<<"$line")" "$runs"
