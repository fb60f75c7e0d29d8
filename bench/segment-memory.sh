#!/usr/bin/env bash
# Peak memory of segmenting a huge scan: a seeded CT-like 512×512×SLICES int16 NIfTI (default
# 1000 slices of 0.7×0.7×1.5 mm; bench/SegmentMemoryInputs.java) segmented by
# `./covid-unet segment` with the model directory MODEL_DIR, or by default an untrained CPU
# default network (levels 4, base 8, instance norm, 96×96×48 windows) that the same tool exports.
# The whole process runs under /usr/bin/time -v: peak_rss_mb is the process's maximum resident
# set size, heap and native together; seconds its wall-clock time (JVM start, reading, model
# loading, segmenting, writing the labels). The acceptance asks for peak_rss_mb ≤ 6144 with
# 1000 slices. COVID_UNET_JAVA_OPTS passes JVM options (e.g. -Xmx4g).
# Usage: bench/segment-memory.sh [MODEL_DIR] [SLICES]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=bench/common.sh
. "$here/bench/common.sh"
model="${1:-}"
slices="${2:-1000}"
[ -x /usr/bin/time ] || { echo "/usr/bin/time missing: apt-get install -y time" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$here/covid-unet" --help >/dev/null # builds the project on first use
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
inputs=("$work/scan.nii.gz" "$slices")
if [ -z "$model" ]; then
	model="$work/model"
	inputs+=("$model")
fi
TF_CPP_MIN_LOG_LEVEL=3 "$java" -cp "$here/target/classes:$here/target/dependency/*" \
	"$here/bench/SegmentMemoryInputs.java" "${inputs[@]}" 2>/dev/null

s="$(seconds /usr/bin/time -v -o "$work/time.txt" "$here/covid-unet" segment --input "$work/scan.nii.gz" \
	--model "$model" --output "$work/labels.nii.gz")"
[ -f "$work/labels.nii.gz" ] || { echo "segment wrote no labels" >&2; exit 1; }
kb="$(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$work/time.txt")"
printf 'peak_rss_mb=%d seconds=%.1f scan=512x512x%s model=%s java_opts=%s\n' "$((kb / 1024))" "$s" "$slices" \
	"$([ "$model" = "$work/model" ] && echo untrained-cpu-default || echo "$model")" "${COVID_UNET_JAVA_OPTS:-none}"
