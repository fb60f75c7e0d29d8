#!/usr/bin/env bash
# Runs a cross-validation on a Slurm cluster: submits the training of every fold as one job array
# (cluster/train-folds.sbatch, task K trains fold K into MODELS/fold_K) and the evaluation
# (cluster/evaluate.sbatch, into EVAL) to start only when every fold has succeeded
# (--dependency=afterok); prints both job ids. Run it again to resume unfinished folds.
#
# Usage: cluster/submit-cv.sh --dataset D --folds_file F --models MODELS --evaluation EVAL
#          [--logs DIR] [--folds K] [--partition P] [--account A] [--cpus N] [--mem M]
#          [--time T] [--gres G] [--parallel N] [--eval_cpus N] [--eval_mem M] [--eval_time T]
#          [--cache DIR] [-- train options, e.g. --config models/cpu-small.json --max_minutes 1400]
#
#   --logs DIR      the jobs' logs: DIR/train-<job>_<fold>.log, DIR/evaluate-<job>.log [./slurm-logs]
#   --folds K       train folds 0 to K-1 [the folds file's K]
#   --partition P   Slurm partition of both jobs [$COVID_UNET_PARTITION, else the cluster's default]
#   --account A     Slurm account of both jobs [$COVID_UNET_ACCOUNT, else yours by default]
#   --cpus N        CPUs per fold, also TensorFlow's threads [$COVID_UNET_TRAIN_CPUS, else 4]
#   --mem M         memory per fold, as sbatch --mem [$COVID_UNET_TRAIN_MEM, else 16G]
#   --time T        time limit per fold, as sbatch --time [$COVID_UNET_TRAIN_TIME, else 24:00:00]
#   --gres G        generic resources per fold, e.g. gpu:1 [$COVID_UNET_TRAIN_GRES, else none]
#   --parallel N    at most N folds at once [$COVID_UNET_PARALLEL, else no limit]
#   --eval_cpus N, --eval_mem M, --eval_time T   the same for the evaluation
#                   [$COVID_UNET_EVAL_CPUS, $COVID_UNET_EVAL_MEM, $COVID_UNET_EVAL_TIME, else 4, 16G, 4:00:00]
#   --cache DIR     the preprocessing cache [$COVID_UNET_CACHE, else node-local, one per job]
# The launcher is $COVID_UNET, else covid-unet on the PATH, else the repository's ./covid-unet; the
# jobs get it through the environment. Give --max_minutes a little below --time (e.g. 1400 for
# 24:00:00) so that a fold stops cleanly with its last epoch saved.
set -euo pipefail
cluster_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=cluster/common.sh
. "$cluster_dir/common.sh"

dataset='' folds_file='' models='' evaluation='' logs=slurm-logs folds=''
partition=${COVID_UNET_PARTITION:-}
account=${COVID_UNET_ACCOUNT:-}
cpus=${COVID_UNET_TRAIN_CPUS:-4}
mem=${COVID_UNET_TRAIN_MEM:-16G}
time_limit=${COVID_UNET_TRAIN_TIME:-24:00:00}
gres=${COVID_UNET_TRAIN_GRES:-}
parallel=${COVID_UNET_PARALLEL:-}
eval_cpus=${COVID_UNET_EVAL_CPUS:-4}
eval_mem=${COVID_UNET_EVAL_MEM:-16G}
eval_time=${COVID_UNET_EVAL_TIME:-4:00:00}
cache=${COVID_UNET_CACHE:-}
while [ $# -gt 0 ]; do
	[ "$1" != -- ] || { shift; break; }
	[ $# -ge 2 ] || die "option $1 has no value (options are --key value; train options go after --)"
	case $1 in
		--dataset) dataset=$2 ;;
		--folds_file) folds_file=$2 ;;
		--models) models=$2 ;;
		--evaluation) evaluation=$2 ;;
		--logs) logs=$2 ;;
		--folds) folds=$2 ;;
		--partition) partition=$2 ;;
		--account) account=$2 ;;
		--cpus) cpus=$2 ;;
		--mem) mem=$2 ;;
		--time) time_limit=$2 ;;
		--gres) gres=$2 ;;
		--parallel) parallel=$2 ;;
		--eval_cpus) eval_cpus=$2 ;;
		--eval_mem) eval_mem=$2 ;;
		--eval_time) eval_time=$2 ;;
		--cache) cache=$2 ;;
		*) die "unknown option $1 (see the top of $0; train options go after --)" ;;
	esac
	shift 2
done
if [ -z "$dataset" ] || [ -z "$folds_file" ] || [ -z "$models" ] || [ -z "$evaluation" ]; then
	die "usage: submit-cv.sh --dataset D --folds_file F --models DIR --evaluation DIR [options] [-- train options]"
fi
[ -d "$dataset" ] || die "dataset $dataset: not a folder"
[ -f "$folds_file" ] || die "folds_file $folds_file: no such file"
if [ -z "$folds" ]; then
	folds=$(sed -n 's/.*"k"[[:space:]]*:[[:space:]]*\([0-9][0-9]*\).*/\1/p' "$folds_file" | head -n 1)
	[ -n "$folds" ] || die "folds_file $folds_file: no \"k\" (the number of folds) in it; give --folds K"
fi
for number in "folds=$folds" "cpus=$cpus" "eval_cpus=$eval_cpus" ${parallel:+"parallel=$parallel"}; do
	case ${number#*=} in
		'' | *[!0-9]* | 0*) die "${number%%=*} ${number#*=}: not a positive whole number" ;;
	esac
done

dataset=$(absolute "$dataset")
folds_file=$(absolute "$folds_file")
models=$(absolute "$models")
evaluation=$(absolute "$evaluation")
logs=$(absolute "$logs")
mkdir -p -- "$logs" "$models"

# Check the launcher here, once: on a fresh clone it builds the repository now rather than in
# every array task at once.
COVID_UNET=$(launcher "$cluster_dir")
export COVID_UNET
"$COVID_UNET" --help >/dev/null || die "the launcher $COVID_UNET does not run (try: $COVID_UNET check)"

common=()
[ -z "$partition" ] || common+=(--partition="$partition")
[ -z "$account" ] || common+=(--account="$account")
train=(${common[@]+"${common[@]}"} --job-name=covid-unet-train --array="0-$((folds - 1))${parallel:+%$parallel}"
	--cpus-per-task="$cpus" --mem="$mem" --time="$time_limit" --output="$logs/train-%A_%a.log")
[ -z "$gres" ] || train+=(--gres="$gres")
train_args=(--dataset "$dataset" --folds_file "$folds_file" --models "$models")
[ -z "$cache" ] || train_args+=(--cache "$(absolute "$cache")")

train_job=$(sbatch --parsable "${train[@]}" "$cluster_dir/train-folds.sbatch" "${train_args[@]}" "$@") ||
	die "sbatch refused the training array (its message is above)"
train_job=${train_job%%;*}
evaluate_job=$(sbatch --parsable ${common[@]+"${common[@]}"} --job-name=covid-unet-evaluate \
	--dependency="afterok:$train_job" --kill-on-invalid-dep=yes --cpus-per-task="$eval_cpus" --mem="$eval_mem" \
	--time="$eval_time" --output="$logs/evaluate-%j.log" "$cluster_dir/evaluate.sbatch" --dataset "$dataset" \
	--folds_file "$folds_file" --models "$models" --output "$evaluation") ||
	die "sbatch refused the evaluation (its message is above); the training is job $train_job"
evaluate_job=${evaluate_job%%;*}

printf 'training: job %s, folds 0-%d into %s/fold_<fold>, logs %s/train-%s_<fold>.log\n' "$train_job" \
	$((folds - 1)) "$models" "$logs" "$train_job"
printf 'evaluation: job %s, after every fold of job %s succeeded, into %s, log %s/evaluate-%s.log\n' \
	"$evaluate_job" "$train_job" "$evaluation" "$logs" "$evaluate_job"
