#!/usr/bin/env bash
# Starts the image of scripts/build-image.sh (target/image/stackratings-oci.tar) the way a hardened Kubernetes pod
# runs it, without a container engine: its root filesystem unpacked and mounted read-only, a fresh tmpfs on /tmp,
# its entrypoint run as its own user (uid 10001) in a chroot, in a private mount namespace. It then waits for
# /q/health/ready on the management port, checks that the root filesystem refuses writes and that the public
# port answers, and stops the application. Needs root, the local PostgreSQL (scripts/postgres-test-db.sh), skopeo,
# umoci, jq and curl.
#
# Environment: SMOKE_DB (default stackratings_image_smoke, created when missing, dropped at the end),
#   SMOKE_HTTP_PORT / SMOKE_MANAGEMENT_PORT (default 18080 / 19000), SMOKE_TIMEOUT seconds (default 180).
set -euo pipefail
cd "$(dirname "$0")/.."

archive=target/image/stackratings-oci.tar
db=${SMOKE_DB:-stackratings_image_smoke}
http_port=${SMOKE_HTTP_PORT:-18080}
management_port=${SMOKE_MANAGEMENT_PORT:-19000}
timeout=${SMOKE_TIMEOUT:-180}
[ -f "$archive" ] || { echo "$archive is missing: run scripts/build-image.sh first" >&2; exit 1; }
for tool in skopeo umoci jq curl; do
  command -v "$tool" >/dev/null || { echo "$tool is missing" >&2; exit 1; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/stackratings-smoke.XXXXXX")
app_pid=""
cleanup() {
  # the JVM is unshare's child: stop it (unshare does not pass signals on), then unshare ends with it
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    local java_pid
    java_pid=$(pgrep -P "$app_pid" || true)
    if [ -n "$java_pid" ]; then kill "$java_pid"; else kill "$app_pid"; fi
    wait "$app_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
  su postgres -c "dropdb --if-exists $db" >/dev/null 2>&1 || true
}
trap cleanup EXIT

echo "== the database $db"
su postgres -c "psql -qtAc \"select 1 from pg_database where datname = '$db'\"" | grep -q 1 \
  || su postgres -c "createdb -O stackratings $db"

echo "== unpacking $archive"
skopeo copy --quiet "oci-archive:$archive" "oci:$work/layout:smoke"
umoci unpack --image "$work/layout:smoke" "$work/bundle" >/dev/null
rootfs="$work/bundle/rootfs"
config=$(skopeo inspect --config "oci-archive:$archive")
user=$(jq -r '.config.User' <<<"$config")
workdir=$(jq -r '.config.WorkingDir' <<<"$config")
mapfile -t entrypoint < <(jq -r '.config.Entrypoint[]' <<<"$config")
mapfile -t image_env < <(jq -r '.config.Env[]?' <<<"$config")

credential_key=$(head -c 32 /dev/urandom | base64)
admin_key=$(head -c 32 /dev/urandom | base64)
log="$work/app.log"
echo "== starting ${entrypoint[*]} as $user on a read-only root"
# the JVM needs /proc and /dev (urandom); like a container runtime (and the kubelet), the host's /etc/hosts,
# /etc/hostname and /etc/resolv.conf are mounted over the image's (Quartz names its instance after the host name)
for f in hosts hostname resolv.conf; do [ -e "$rootfs/etc/$f" ] || : > "$rootfs/etc/$f"; done
unshare --mount --propagation private --fork --kill-child -- env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin sh -c '
  set -e
  rootfs=$1; user=$2; workdir=$3; shift 3
  mount --bind "$rootfs" "$rootfs"
  mount -t proc proc "$rootfs/proc"
  mount --rbind /dev "$rootfs/dev"
  for f in hosts hostname resolv.conf; do mount --bind "/etc/$f" "$rootfs/etc/$f"; done
  mount -t tmpfs -o size=256m,mode=1777 tmpfs "$rootfs/tmp"
  mount -o remount,bind,ro "$rootfs"
  exec chroot --userspec="$user" "$rootfs" sh -c "cd \"\$0\" && exec \"\$@\"" "$workdir" "$@"
' smoke "$rootfs" "$user" "$workdir" env -i "${image_env[@]}" \
  QUARKUS_HTTP_PORT="$http_port" QUARKUS_MANAGEMENT_PORT="$management_port" \
  STACKRATINGS_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" STACKRATINGS_DB_USER=stackratings \
  STACKRATINGS_DB_PASSWORD=stackratings STACKRATINGS_SECURITY_CREDENTIAL_KEY="$credential_key" \
  STACKRATINGS_SECURITY_ADMIN_KEY="$admin_key" \
  "${entrypoint[@]}" > "$log" 2>&1 &
app_pid=$!

start=$(date +%s)
until curl -fsS "http://127.0.0.1:$management_port/q/health/ready" > "$work/ready.json" 2>/dev/null; do
  if ! kill -0 "$app_pid" 2>/dev/null; then
    echo "the application stopped:" >&2; tail -40 "$log" >&2; exit 1
  fi
  if [ $(( $(date +%s) - start )) -ge "$timeout" ]; then
    echo "not ready after $timeout s:" >&2; tail -40 "$log" >&2; exit 1
  fi
  sleep 1
done
echo "== ready after $(( $(date +%s) - start )) s: $(jq -c '{status, checks: [.checks[].name]}' "$work/ready.json")"

jq -e '.status == "UP"' "$work/ready.json" >/dev/null
curl -fsS "http://127.0.0.1:$management_port/q/health/live" | jq -e '.status == "UP"' >/dev/null
curl -fsS "http://127.0.0.1:$management_port/q/metrics" | grep -q '^jvm_memory_max_bytes'
curl -fsS "http://127.0.0.1:$http_port/api/v1/ratings" | jq -e 'type == "object" or type == "array"' >/dev/null
status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$http_port/q/metrics")
[ "$status" = 404 ] || { echo "the public port answered /q/metrics with $status" >&2; exit 1; }
# the JVM runs as the image's user, and in its mount namespace the root filesystem refuses writes, even root's
java_pid=$(pgrep -P "$app_pid")
[ "$(stat -c %u "/proc/$java_pid")" = "${user%%:*}" ] || { echo "the JVM does not run as uid ${user%%:*}" >&2; exit 1; }
if nsenter --target "$java_pid" --mount touch "$rootfs/deployments/written" 2>/dev/null; then
  echo "the root filesystem is writable" >&2; exit 1
fi
if grep -q 'Read-only file system' "$log"; then
  echo "the application tried to write outside /tmp:" >&2; grep 'Read-only file system' "$log" >&2; exit 1
fi
echo "== uid ${user%%:*}, read-only root; /q/health/ready and /q/health/live UP, /q/metrics on the management port only, /api/v1/ratings answers"
