#!/usr/bin/env bash
# End-to-end check of the Prometheus registry adapter against a real Prometheus scraping a real
# node_exporter, both from Debian's packages, on loopback ports, with temporary storage.
#
#   Tests/scripts/prometheus-e2e.sh
#
# What it starts (and stops on exit, whatever happens):
#   - node_exporter for this machine (cpu, meminfo...)           -> node "$(uname -n)", kind cpu
#   - a second node_exporter with only the textfile collector,
#     serving DCGM-shaped GPU series for a simulated GPU node     -> node "gpu-sim-01", kind gpu
#   - a scrape target on a port nobody listens on                 -> node "edge-dead-01", down
#   - Prometheus scraping all three every second
# Then it runs the Swift tests named PrometheusLive with FUSION_TEST_PROMETHEUS_URL and friends set.
#
# Environment:
#   SWIFT_TEST_FLAGS  extra flags for `swift test` (e.g. "--scratch-path .build-ci"); default none
#   SWIFT             the swift driver (default: swift)
#   SWIFT_PACKAGE_DIR the package to test (default: this repository)
#   E2E_WORK_DIR      where to put configs, logs and storage (default: a new temp dir, removed after)
#   E2E_KEEP          set to 1 to keep the work dir (logs) after the run
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
swift_bin="${SWIFT:-swift}"
read -r -a swift_flags <<< "${SWIFT_TEST_FLAGS:-}"

log() { printf 'prometheus-e2e: %s\n' "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }

# --- packages ------------------------------------------------------------------------------------
need_install=()
command -v curl >/dev/null 2>&1 || need_install+=(curl)
command -v prometheus >/dev/null 2>&1 || need_install+=(prometheus)
command -v prometheus-node-exporter >/dev/null 2>&1 || need_install+=(prometheus-node-exporter)
if ((${#need_install[@]})); then
    log "installing ${need_install[*]} from Debian"
    apt_get=(apt-get)
    [[ $(id -u) -eq 0 ]] || apt_get=(sudo apt-get)
    export DEBIAN_FRONTEND=noninteractive
    if ! "${apt_get[@]}" install -y --no-install-recommends "${need_install[@]}" >/dev/null; then
        "${apt_get[@]}" update >/dev/null
        "${apt_get[@]}" install -y --no-install-recommends "${need_install[@]}" >/dev/null \
            || die "could not install ${need_install[*]}"
    fi
fi

# --- work dir and clean-up -----------------------------------------------------------------------
if [[ -n "${E2E_WORK_DIR:-}" ]]; then
    work="$E2E_WORK_DIR"
    mkdir -p "$work"
else
    work="$(mktemp -d "${TMPDIR:-/tmp}/fusion-prom-e2e.XXXXXX")"
fi
pids=()
cleanup() {
    local status=$?
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do
        for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$pid" 2>/dev/null || true
    done
    if ((status != 0)); then
        for f in "$work"/*.log; do [[ -f "$f" ]] && { log "--- $f (last lines)"; tail -n 20 "$f" >&2; }; done
    fi
    if [[ -z "${E2E_WORK_DIR:-}" && "${E2E_KEEP:-0}" != 1 ]]; then rm -rf "$work"; fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

# A loopback port nobody listens on (checked just before use; the start below is then verified).
free_port() {
    local port
    for _ in $(seq 200); do
        port=$((20000 + RANDOM % 40000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
    done
    die "no free loopback port found"
}

# Waits until URL answers 200, or the process PID dies, or DEADLINE seconds pass.
wait_http() {
    local url="$1" pid="$2" deadline=$((SECONDS + $3))
    while ((SECONDS < deadline)); do
        kill -0 "$pid" 2>/dev/null || die "$url: the server exited (see its log)"
        if curl -fsS --noproxy '*' -o /dev/null --max-time 2 "$url" 2>/dev/null; then return 0; fi
        sleep 0.2
    done
    die "$url not ready after $3 s"
}

# --- node_exporter for this machine --------------------------------------------------------------
node_port="$(free_port)"
mkdir -p "$work/empty-textfiles"
# (Debian enables the systemd collector, which fails without systemd; it is not needed here.)
prometheus-node-exporter --web.listen-address="127.0.0.1:$node_port" --no-collector.systemd --log.level=warn \
    --collector.textfile.directory="$work/empty-textfiles" >"$work/node-exporter.log" 2>&1 &
pids+=($!)
wait_http "http://127.0.0.1:$node_port/metrics" "${pids[-1]}" 30

# --- a second node_exporter serving DCGM-shaped series (dcgm-exporter's names and labels) --------
gpu_port="$(free_port)"
mkdir -p "$work/gpu-textfiles"
{
    echo '# HELP DCGM_FI_DEV_GPU_UTIL GPU utilization (in %).'
    echo '# TYPE DCGM_FI_DEV_GPU_UTIL gauge'
    echo 'DCGM_FI_DEV_GPU_UTIL{gpu="0",UUID="GPU-0000",device="nvidia0",modelName="NVIDIA H100 80GB HBM3",Hostname="gpu-sim-01"} 87'
    echo 'DCGM_FI_DEV_GPU_UTIL{gpu="1",UUID="GPU-0001",device="nvidia1",modelName="NVIDIA H100 80GB HBM3",Hostname="gpu-sim-01"} 42'
    echo '# HELP DCGM_FI_DEV_FB_USED Framebuffer memory used (in MiB).'
    echo '# TYPE DCGM_FI_DEV_FB_USED gauge'
    echo 'DCGM_FI_DEV_FB_USED{gpu="0",UUID="GPU-0000",device="nvidia0",modelName="NVIDIA H100 80GB HBM3",Hostname="gpu-sim-01"} 61440'
    echo 'DCGM_FI_DEV_FB_USED{gpu="1",UUID="GPU-0001",device="nvidia1",modelName="NVIDIA H100 80GB HBM3",Hostname="gpu-sim-01"} 20480'
    echo '# HELP DCGM_FI_DEV_FB_FREE Framebuffer memory free (in MiB).'
    echo '# TYPE DCGM_FI_DEV_FB_FREE gauge'
    echo 'DCGM_FI_DEV_FB_FREE{gpu="0",UUID="GPU-0000",device="nvidia0",modelName="NVIDIA H100 80GB HBM3",Hostname="gpu-sim-01"} 20480'
    echo 'DCGM_FI_DEV_FB_FREE{gpu="1",UUID="GPU-0001",device="nvidia1",modelName="NVIDIA H100 80GB HBM3",Hostname="gpu-sim-01"} 61440'
    echo '# HELP DCGM_FI_DEV_GPU_TEMP GPU temperature (in C).'
    echo '# TYPE DCGM_FI_DEV_GPU_TEMP gauge'
    echo 'DCGM_FI_DEV_GPU_TEMP{gpu="0",UUID="GPU-0000",device="nvidia0",modelName="NVIDIA H100 80GB HBM3",Hostname="gpu-sim-01"} 71'
    echo 'DCGM_FI_DEV_GPU_TEMP{gpu="1",UUID="GPU-0001",device="nvidia1",modelName="NVIDIA H100 80GB HBM3",Hostname="gpu-sim-01"} 58'
    echo '# HELP DCGM_FI_DEV_POWER_USAGE Power draw (in W).'
    echo '# TYPE DCGM_FI_DEV_POWER_USAGE gauge'
    echo 'DCGM_FI_DEV_POWER_USAGE{gpu="0",UUID="GPU-0000",device="nvidia0",modelName="NVIDIA H100 80GB HBM3",Hostname="gpu-sim-01"} 612.5'
    echo 'DCGM_FI_DEV_POWER_USAGE{gpu="1",UUID="GPU-0001",device="nvidia1",modelName="NVIDIA H100 80GB HBM3",Hostname="gpu-sim-01"} 298.25'
    echo '# HELP node_memory_MemTotal_bytes Memory information field MemTotal_bytes.'
    echo '# TYPE node_memory_MemTotal_bytes gauge'
    echo 'node_memory_MemTotal_bytes 1.37438953472e+11'
    echo '# HELP node_memory_MemAvailable_bytes Memory information field MemAvailable_bytes.'
    echo '# TYPE node_memory_MemAvailable_bytes gauge'
    echo 'node_memory_MemAvailable_bytes 3.4359738368e+10'
} >"$work/gpu-textfiles/dcgm.prom"
prometheus-node-exporter --web.listen-address="127.0.0.1:$gpu_port" --collector.disable-defaults --log.level=warn \
    --collector.textfile --collector.textfile.directory="$work/gpu-textfiles" >"$work/gpu-exporter.log" 2>&1 &
pids+=($!)
wait_http "http://127.0.0.1:$gpu_port/metrics" "${pids[-1]}" 30

# --- Prometheus ----------------------------------------------------------------------------------
dead_port="$(free_port)"
prom_port="$(free_port)"
node_name="$(uname -n)"
cat >"$work/prometheus.yml" <<EOF
global:
  scrape_interval: 1s
  scrape_timeout: 1s
  evaluation_interval: 1s
scrape_configs:
  - job_name: node
    static_configs:
      - targets: ['127.0.0.1:$node_port']
        labels: {instance: '$node_name:$node_port', site: 'local', pool: 'local-cpu'}
      - targets: ['127.0.0.1:$gpu_port']
        labels: {instance: 'gpu-sim-01:9100', site: 'dakhla', pool: 'dakhla-gpu'}
      - targets: ['127.0.0.1:$dead_port']
        labels: {instance: 'edge-dead-01:9100', site: 'ifrane', pool: 'ifrane-edge', kind: 'edge'}
EOF
prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/tsdb" \
    --web.listen-address="127.0.0.1:$prom_port" --log.level=warn >"$work/prometheus.log" 2>&1 &
pids+=($!)
wait_http "http://127.0.0.1:$prom_port/-/ready" "${pids[-1]}" 60
log "Prometheus on 127.0.0.1:$prom_port scraping node_exporter :$node_port, GPU series :$gpu_port, dead :$dead_port"

# Wait until every target has been scraped at least once (up has 3 series).
deadline=$((SECONDS + 30))
until curl -fsS --noproxy '*' "http://127.0.0.1:$prom_port/api/v1/query?query=count(up)" 2>/dev/null | grep -q '"3"\]'; do
    ((SECONDS < deadline)) || die "Prometheus did not scrape its 3 targets within 30 s"
    sleep 0.5
done

# --- the Swift tests -----------------------------------------------------------------------------
# Proxy variables pointing nowhere: the console must ignore them (no proxy is configured).
export http_proxy="http://127.0.0.1:$dead_port" HTTP_PROXY="http://127.0.0.1:$dead_port"
export https_proxy="http://127.0.0.1:$dead_port" HTTPS_PROXY="http://127.0.0.1:$dead_port"
export ALL_PROXY="http://127.0.0.1:$dead_port" all_proxy="http://127.0.0.1:$dead_port"
export FUSION_TEST_PROMETHEUS_URL="prometheus+http://127.0.0.1:$prom_port"
export FUSION_TEST_NODE_NAME="$node_name"
export FUSION_TEST_GPU_NODE="gpu-sim-01"
export FUSION_TEST_DEAD_NODE="edge-dead-01"
cd "${SWIFT_PACKAGE_DIR:-$repo_root}"
log "running: $swift_bin test ${swift_flags[*]} --filter PrometheusLive"
"$swift_bin" test "${swift_flags[@]}" --filter PrometheusLive
