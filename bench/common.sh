# shellcheck shell=bash
# Helpers shared by the side-by-side benchmark scripts (sourced, not run).

# value KEY: the value of KEY=... in a line of key=value figures read from stdin.
value() { tr ' ' '\n' | sed -n "s/^$1=//p"; }

# median: the median of the numbers on stdin, one per line.
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# seconds COMMAND...: the wall-clock seconds COMMAND takes (its stdout discarded).
seconds() { local s e; s=$(date +%s.%N); "$@" >/dev/null; e=$(date +%s.%N); awk -v s="$s" -v e="$e" 'BEGIN { print e - s }'; }

# as_options KEY=VALUE...: sets the array `options` to the matching `--KEY VALUE` arguments of
# covid-unet, each value one argument whatever it holds.
as_options() { options=(); local kv; for kv in "$@"; do options+=("--${kv%%=*}" "${kv#*=}"); done; }

# torch_peer: sets `peer` to the PyTorch U-Net peer ($PEER_UNET, else ../shared/bench's) and
# exits 2 if it or PyTorch is missing. Needs `here`, the repository.
torch_peer() {
	peer="${PEER_UNET:-$here/../shared/bench/peer_unet3d_torch.py}"
	[ -f "$peer" ] || { echo "peer benchmark missing: $peer (set PEER_UNET)" >&2; exit 2; }
	/usr/bin/python3 -c 'import torch' || { echo "PyTorch missing: apt-get install -y python3-torch" >&2; exit 2; }
}
