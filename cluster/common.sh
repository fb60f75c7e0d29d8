# shellcheck shell=bash
# Helpers shared by the cluster scripts (sourced, not run). Needs bash and `set -euo pipefail`.

# die MESSAGE...: one line "error: MESSAGE" (the words joined by blanks) on stderr, exit 2 (bad
# input or usage).
die() {
	printf 'error: %s\n' "$*" >&2
	exit 2
}

# launcher CLUSTER_DIR: the covid-unet launcher to run: $COVID_UNET, else covid-unet on the PATH,
# else the repository's ./covid-unet beside CLUSTER_DIR (the folder of these scripts).
launcher() {
	if [ -n "${COVID_UNET:-}" ]; then
		printf '%s\n' "$COVID_UNET"
	elif command -v covid-unet >/dev/null 2>&1; then
		command -v covid-unet
	elif [ -x "$1/../covid-unet" ]; then
		printf '%s\n' "$(cd "$1/.." && pwd)/covid-unet"
	else
		die "no covid-unet launcher: set COVID_UNET, put covid-unet on the PATH, or keep cluster/ in the repository"
	fi
}

# stamp: the time now, UTC, to the nanosecond (sorts as text).
stamp() {
	date -u +%Y-%m-%dT%H:%M:%S.%NZ
}

# Paths that job_end removes (e.g. a node-local cache).
remove_at_exit=()

# job_log WHAT: the job's header in its log, "[cluster] started TIME"; job_end runs at exit, also
# when Slurm cancels the job or its time is up (SIGTERM).
job_log() {
	local task=
	[ -z "${SLURM_ARRAY_TASK_ID:-}" ] || task=" (array ${SLURM_ARRAY_JOB_ID:-?} task $SLURM_ARRAY_TASK_ID)"
	printf '[cluster] %s: job %s%s on %s, %s CPUs, memory %s MB\n' "$1" "${SLURM_JOB_ID:-none}" "$task" \
		"$(hostname)" "${SLURM_CPUS_PER_TASK:-?}" "${SLURM_MEM_PER_NODE:-${SLURM_MEM_PER_CPU:-?}}"
	printf '[cluster] started %s\n' "$(stamp)"
	trap job_end EXIT
	trap 'exit 143' TERM INT
}

# job_end: removes remove_at_exit's paths and ends the log with "[cluster] ended TIME, exit CODE",
# whatever made the script exit.
job_end() {
	local code=$?
	[ ${#remove_at_exit[@]} -eq 0 ] || rm -rf -- "${remove_at_exit[@]}"
	printf '[cluster] ended %s, exit %s\n' "$(stamp)" "$code"
}

# has_option KEY ARGS...: whether ARGS, --key value pairs, set KEY.
has_option() {
	local key=$1
	shift
	while [ $# -ge 2 ]; do
		[ "$1" = "$key" ] && return 0
		shift 2
	done
	return 1
}

# absolute PATH: PATH made absolute against the current folder (it need not exist).
absolute() {
	case $1 in
		/*) printf '%s\n' "$1" ;;
		*) printf '%s/%s\n' "$PWD" "$1" ;;
	esac
}
