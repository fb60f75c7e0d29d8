#!/usr/bin/env bash
# What running TensorFlow apart from Fiji's class path costs: Segment Volume on one phantom case
# (a model trained for one short epoch with the CPU card, models/cpu-small.json), timed as whole
# calls, alternating N rounds (default 3), medians:
#   launcher_s        ./covid-unet segment: TensorFlow in the launcher's JVM
#   launcher_child_s  the same with -Dcovidunet.engine=child: TensorFlow in the engine's child JVM
#   imagej_s          ImageJ 1.54p started as Fiji starts (every jar of APP/jars on the class path),
#                     the plugin installed with mvn -Dscijava.app.directory=APP install, a -batch
#                     macro running Segment Volume under Xvfb (ImageJ's and Xvfb's start included)
#   isolation_s       launcher_child_s - launcher_s: the child JVM's cost per call
# Usage: bench/fiji-isolation.sh [N]   (needs Maven and xvfb-run; builds and installs into a
# temporary folder)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=bench/common.sh
. "$here/bench/common.sh"
runs="${1:-3}"
command -v xvfb-run >/dev/null || { echo "xvfb-run missing: apt-get install -y xvfb xauth" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

app="$work/Fiji.app"
mkdir -p "$app/jars"
mvn -B -q -DskipTests -f "$here/pom.xml" -Dscijava.app.directory="$app" install >/dev/null
cp "$(find "$here/target/dependency" -name 'ij-*.jar' | head -n 1)" "$app/jars/ij.jar"
classpath="$(find "$app/jars" -name '*.jar' | sort | paste -sd: -)"

"$here/covid-unet" phantom --output "$work/cohort" --cases 3 --seed 5 >/dev/null
"$here/covid-unet" folds --dataset "$work/cohort" --output "$work/folds.json" --folds 3 >/dev/null
"$here/covid-unet" train --dataset "$work/cohort" --folds_file "$work/folds.json" --output "$work/model" \
	--config "$here/models/cpu-small.json" --epochs 1 --iterations 2 --cache "$work/cache" >/dev/null
scan="$(find "$work/cohort/COVID-19-CT-Seg_20cases" -name '*.nii.gz' | sort | head -n 1)"
printf 'run("Segment Volume", "input=[%s] model=[%s] output=[%s]");\n' \
	"$scan" "$work/model" "$work/imagej_labels.nii.gz" >"$work/segment.ijm"

segment() { "$here/covid-unet" segment --input "$scan" --model "$work/model" --output "$1"; }
child() { COVID_UNET_JAVA_OPTS="-Dcovidunet.engine=child" segment "$@"; }
imagej() { xvfb-run -a java -cp "$classpath" ij.ImageJ -ijpath "$app" -batch "$work/segment.ijm"; }

# fresh NAME: removes the labels NAME_labels.nii.gz (each call writes them anew); written NAME: fails unless they are there.
fresh() { rm -f "$work/$1_labels.nii.gz"; }
written() { [ -f "$work/$1_labels.nii.gz" ] || { echo "no labels from $1" >&2; exit 1; }; }
launcher=(); launcher_child=(); ij=()
for _ in $(seq "$runs"); do
	fresh launcher; launcher+=("$(seconds segment "$work/launcher_labels.nii.gz")"); written launcher
	fresh child; launcher_child+=("$(seconds child "$work/child_labels.nii.gz")"); written child
	fresh imagej; ij+=("$(seconds imagej)"); written imagej
done
for other in child imagej; do
	cmp -s "$work/launcher_labels.nii.gz" "$work/${other}_labels.nii.gz" || { echo "the labels of $other differ" >&2; exit 1; }
done
l=$(printf '%s\n' "${launcher[@]}" | median)
c=$(printf '%s\n' "${launcher_child[@]}" | median)
i=$(printf '%s\n' "${ij[@]}" | median)
printf 'launcher_s=%.2f launcher_child_s=%.2f imagej_s=%.2f isolation_s=%.2f child_ratio=%.3f case=%s runs=%d\n' \
	"$l" "$c" "$i" "$(awk -v a="$c" -v b="$l" 'BEGIN { print a - b }')" "$(awk -v a="$c" -v b="$l" 'BEGIN { print a / b }')" \
	"$(basename "$scan")" "$runs"
