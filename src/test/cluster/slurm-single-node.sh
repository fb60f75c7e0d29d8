#!/usr/bin/env bash
# The acceptance test of cluster/ on a real single-node Slurm (run by SlurmClusterIT; as root,
# with Debian's slurm-wlm and munge installed). It starts munged, slurmctld and slurmd with all
# their files (slurm.conf, munge key and socket, state, spool, logs) in a fresh folder from
# `mktemp -d /tmp/...` and nothing in /etc read or written (SLURM_CONF, -f, munged's path
# options); the folder is short, as a unix socket's path must stay under 108 bytes, and searchable
# by all, as munged demands of every folder above its socket. It makes a tiny phantom cohort and
# folds, runs cluster/submit-cv.sh with a tiny training, segments a folder of 3 scans with
# cluster/segment-folder.sbatch as an array of 2 tasks, resubmits one fold to check that it
# resumes, and checks the results. When it exits, whatever the reason, it cancels its jobs, stops
# what it started by process id and removes the daemons' folder.
#
# Usage (as root): src/test/cluster/slurm-single-node.sh WORKDIR
# Leaves in "WORKDIR/cv run" (a name with a blank, to check the quoting): data/, folds.json,
# models/fold_<k>/, evaluation/, scans/, labels/, logs/ (every job's log, evaluate-pending.txt:
# scontrol's view of the evaluation right after submission, slurm.conf). Exit 0 and "PASS" when every check
# holds, else 1 and "FAIL: why".
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
work=${1:?usage: slurm-single-node.sh WORKDIR}
mkdir -p -- "$work"
work=$(cd "$work" && pwd)
PATH=$PATH:/usr/sbin:/sbin
folds=2
started=$(date +%s)

fail() {
	echo "FAIL: $1"
	exit 1
}

step() {
	printf '[test %s] %s\n' "$(date -u +%H:%M:%S)" "$1"
}

[ "$(id -u)" = 0 ] || fail "needs root (Slurm's daemons run as root here)"
for tool in munged slurmctld slurmd sbatch squeue sinfo scontrol scancel; do
	command -v "$tool" >/dev/null || fail "$tool not found: apt-get install -y slurm-wlm munge"
done

cv="$work/cv run"
rm -rf -- "$cv"
mkdir -p -- "$cv/logs"
state=$(mktemp -d /tmp/covid-unet-slurm.XXXXXX)
chmod 0755 "$state"
mkdir -p -- "$state/munge" "$state/ctld" "$state/spool"
export SLURM_CONF=$state/slurm.conf
daemons=()
slurm_up=false

# Cancels our jobs, kills what is left of them and our daemons (by process id, newest first),
# shows the daemons' logs if the test failed, removes the state.
cleanup() {
	local code=$? i pid
	trap - EXIT
	if $slurm_up; then
		[ "$code" -eq 0 ] || timeout 20 squeue -o '%i %j %T %r %M' 2>/dev/null || true
		mapfile -t ours < <(timeout 20 squeue -h -o %A 2>/dev/null || true)
		if [ ${#ours[@]} -gt 0 ]; then
			timeout 20 scancel "${ours[@]}" 2>/dev/null || true
			for _ in $(seq 30); do
				[ -z "$(timeout 5 squeue -h 2>/dev/null || true)" ] && break
				sleep 1
			done
		fi
		for pid in $(timeout 20 scontrol listpids 2>/dev/null | awk 'NR > 1 && $1 ~ /^[0-9]+$/ { print $1 }'); do
			kill -KILL "$pid" 2>/dev/null || true
		done
	fi
	for ((i = ${#daemons[@]} - 1; i >= 0; i--)); do
		kill "${daemons[i]}" 2>/dev/null || true
		wait "${daemons[i]}" 2>/dev/null || true
	done
	if [ "$code" -ne 0 ]; then
		for log in "$state"/*.log; do
			[ -f "$log" ] || continue
			echo "--- last lines of $log"
			tail -n 20 "$log"
		done
	fi
	rm -rf -- "$state"
	exit "$code"
}
trap cleanup EXIT
trap 'exit 143' TERM INT HUP

# free_port FROM: the first port from FROM on that nothing on this machine listens on.
free_port() {
	local port=$1
	while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
		port=$((port + 1))
	done
	echo "$port"
}

# wait_until SECONDS WHAT COMMAND...: runs COMMAND every second until it succeeds.
wait_until() {
	local seconds=$1 what=$2
	shift 2
	for _ in $(seq "$seconds"); do
		"$@" && return 0
		sleep 1
	done
	fail "$what (waited $seconds s)"
}

no_jobs() {
	local queue
	queue=$(squeue -h) && [ -z "$queue" ]
}
node_idle() { [ "$(sinfo -h -o %T 2>/dev/null)" = idle ]; }

step "munge and slurm under $state"
dd if=/dev/urandom of="$state/munge/munge.key" bs=1024 count=1 status=none
chmod 0400 "$state/munge/munge.key"
munged -F --key-file="$state/munge/munge.key" --socket="$state/munge/munge.socket" \
	--pid-file="$state/munge/munged.pid" --seed-file="$state/munge/munged.seed" >"$state/munged.log" 2>&1 &
daemons+=($!)
wait_until 20 "munged did not create its socket" test -S "$state/munge/munge.socket"

host=$(hostname -s)
node=$(slurmd -C | head -n 1)
[ "${node%% *}" = "NodeName=$host" ] || fail "slurmd -C describes '$node', not $host"
ctld_port=$(free_port 16817)
slurmd_port=$(free_port $((ctld_port + 1)))
: >"$state/plugstack.conf"
cat >"$SLURM_CONF" <<-EOF
	ClusterName=covidunet-test
	SlurmctldHost=$host(127.0.0.1)
	SlurmctldPort=$ctld_port
	SlurmdPort=$slurmd_port
	SlurmUser=root
	SlurmdUser=root
	AuthType=auth/munge
	CredType=cred/munge
	AuthInfo=socket=$state/munge/munge.socket
	StateSaveLocation=$state/ctld
	SlurmdSpoolDir=$state/spool
	SlurmctldPidFile=$state/slurmctld.pid
	SlurmdPidFile=$state/slurmd.pid
	SlurmctldLogFile=$state/slurmctld.log
	SlurmdLogFile=$state/slurmd.log
	PlugStackConfig=$state/plugstack.conf
	ProctrackType=proctrack/linuxproc
	TaskPlugin=task/none
	MpiDefault=none
	SchedulerType=sched/backfill
	SelectType=select/cons_tres
	SelectTypeParameters=CR_CPU_Memory
	ReturnToService=2
	AccountingStorageType=accounting_storage/none
	JobAcctGatherType=jobacct_gather/none
	JobCompType=jobcomp/none
	MinJobAge=900
	$node NodeAddr=127.0.0.1 State=UNKNOWN
	PartitionName=main Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
cp "$SLURM_CONF" "$cv/logs/slurm.conf"
slurmctld -D -f "$SLURM_CONF" >/dev/null 2>&1 &
daemons+=($!)
slurm_up=true
slurmd -D -f "$SLURM_CONF" >/dev/null 2>&1 &
daemons+=($!)
wait_until 60 "the node did not become idle: $(sinfo -h -o '%T %E' 2>&1 || true)" node_idle
step "node $host idle: $(sinfo -h -o '%c CPUs, %m MB')"

cd -- "$cv"
step "phantom cohort of 4 cases, $folds folds"
"$repo/covid-unet" phantom --output data --cases 4 --seed 1 --size small >logs/phantom.txt
"$repo/covid-unet" folds --dataset data --output folds.json --folds "$folds" --seed 1 >logs/folds.txt

step "submit-cv.sh"
env -u COVID_UNET "$repo/cluster/submit-cv.sh" --dataset data --folds_file folds.json --models models \
	--evaluation evaluation --logs logs --partition main --cpus 1 --mem 2000M --time 15 --eval_cpus 1 \
	--eval_mem 2000M --eval_time 15 -- --levels 2 --base 4 --patch 32,32,16 --epochs 1 --iterations 2 --batch 1 \
	| tee logs/submit.txt
train_job=$(sed -n 's/^training: job \([0-9]*\),.*/\1/p' logs/submit.txt)
evaluate_job=$(sed -n 's/^evaluation: job \([0-9]*\),.*/\1/p' logs/submit.txt)
if [ -z "$train_job" ] || [ -z "$evaluate_job" ]; then
	fail "submit-cv.sh printed no job ids"
fi
scontrol show job "$evaluate_job" >logs/evaluate-pending.txt
grep -q "Dependency=afterok:${train_job}_\*" logs/evaluate-pending.txt ||
	fail "the evaluation does not depend on the training array: $(grep -o 'Dependency=[^ ]*' logs/evaluate-pending.txt)"

step "segment-folder.sbatch over 3 scans, 2 tasks, after the training"
mkdir scans
cp data/COVID-19-CT-Seg_20cases/coronacases_org_001.nii.gz scans/
cp data/COVID-19-CT-Seg_20cases/radiopaedia_org_*.nii.gz scans/
cp data/COVID-19-CT-Seg_20cases/coronacases_org_002.nii.gz "scans/patient 7.NII.GZ"
[ "$(find scans -type f | wc -l)" = 3 ] || fail "the cohort has not exactly one radiopaedia case: $(ls scans)"
segment_job=$(env -u COVID_UNET sbatch --parsable --array=0-1 --dependency="afterok:$train_job" \
	--kill-on-invalid-dep=yes --cpus-per-task=1 --mem=2000M --time=15 --output="$cv/logs/segment-%A_%a.log" \
	"$repo/cluster/segment-folder.sbatch" --input scans --model models/fold_0 --output labels)
segment_job=${segment_job%%;*}

step "waiting for jobs $train_job (training), $evaluate_job (evaluation), $segment_job (segmentation)"
wait_until 480 "the jobs did not finish" no_jobs

step "checks"
for ((k = 0; k < folds; k++)); do
	[ -f "models/fold_$k/model.json" ] || fail "models/fold_$k has no model.json"
done
for table in cv_results.final.csv cv_results.detailed.csv; do
	[ -s "evaluation/$table" ] || fail "evaluation/$table is missing or empty"
done
for log in logs/train-"${train_job}"_*.log logs/evaluate-"$evaluate_job".log logs/segment-"${segment_job}"_*.log; do
	[ -f "$log" ] || fail "no log $log"
	grep -q '^\[cluster\] ended .*, exit 0$' "$log" || fail "$log: the job did not end with exit 0: $(tail -n 5 "$log")"
done
last_training=$(sed -n 's/^\[cluster\] ended \([^,]*\),.*/\1/p' logs/train-"${train_job}"_*.log | sort | tail -n 1)
evaluation_start=$(sed -n 's/^\[cluster\] started //p' logs/evaluate-"$evaluate_job".log)
[[ $last_training < $evaluation_start ]] ||
	fail "the evaluation started at $evaluation_start, before the last fold ended ($last_training)"

expected=$'coronacases_001.nii.gz\ncoronacases_001_volumes.csv\npatient 7.nii.gz\npatient 7_volumes.csv'
for scan in scans/radiopaedia_org_covid-19-pneumonia-*-dcm.nii.gz; do
	id=${scan#scans/radiopaedia_org_covid-19-pneumonia-}
	expected+=$'\n'"radiopaedia_${id%-dcm.nii.gz}.nii.gz"$'\n'"radiopaedia_${id%-dcm.nii.gz}_volumes.csv"
done
listed=$(cd labels && LC_ALL=C ls -A)
[ "$listed" = "$(LC_ALL=C sort <<<"$expected")" ] ||
	fail "labels/ holds '$listed', not one label file and one table per scan"
shares=$(sed -n 's/^\[cluster\] share: file \([0-9]*\) .*/\1/p' logs/segment-"${segment_job}"_0.log | tr '\n' ' ')
[ "$shares" = "0 2 " ] || fail "task 0 segmented files '$shares', not 0 and 2"
shares=$(sed -n 's/^\[cluster\] share: file \([0-9]*\) .*/\1/p' logs/segment-"${segment_job}"_1.log | tr '\n' ' ')
[ "$shares" = "1 " ] || fail "task 1 segmented files '$shares', not 1"

step "resubmitting fold 1 with one more epoch (the script by a relative path): it resumes"
resume_job=$(sbatch --parsable --array=1 --cpus-per-task=1 --mem=2000M --time=15 \
	--output="$cv/logs/resume-%A_%a.log" "$(realpath --relative-to=. "$repo/cluster/train-folds.sbatch")" \
	--dataset data --folds_file folds.json --models models --levels 2 --base 4 --patch 32,32,16 --epochs 2 \
	--iterations 2 --batch 1)
resume_job=${resume_job%%;*}
wait_until 180 "the resubmitted fold did not finish" no_jobs
grep -q '^\[cluster\] ended .*, exit 0$' "logs/resume-${resume_job}_1.log" || fail "the resubmitted fold failed"
grep -q 'holds a training: resuming it' "logs/resume-${resume_job}_1.log" || fail "the resubmitted fold did not resume"
rows=$(($(wc -l <models/fold_1/history.tsv) - 1))
[ "$rows" = 2 ] || fail "fold 1's history has $rows epochs after the resumed run, not 2"

echo "PASS in $(($(date +%s) - started)) s"
