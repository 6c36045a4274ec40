#!/usr/bin/env bash
# Builds the StackRatings container image without a Docker daemon (docs/operations.md, "Container image"):
#   1. a base image (Debian bookworm minbase + openjdk-17-jre-headless + the user stackratings, uid 10001) made
#      with debootstrap and kept as an OCI layout under the cache directory, so a rebuild skips it;
#   2. the application (target/quarkus-app, from `./mvnw package`) added on top, in three layers that change at
#      different rates (dependencies, Quarkus' generated classes, the application itself);
#   3. the image's configuration (non-root user, entrypoint, ports, volume, OCI labels) set with umoci;
#   4. the result written as an OCI archive with skopeo: target/image/stackratings-oci.tar, loaded nowhere else.
# Then it unpacks the image and starts its java as uid 10001 in a chroot (`java -version`) to prove the JVM runs.
#
# Usage: scripts/build-image.sh [--no-package]
#   --no-package   use the target/quarkus-app already built (CI, after ./mvnw verify) instead of ./mvnw package
# Environment: STACKRATINGS_IMAGE_CACHE (default ~/.cache/stackratings-image), IMAGE_SOURCE (the OCI source label;
#   default: the git remote "origin"), IMAGE_LICENSES (SPDX expression; default NOASSERTION: the repository has no
#   licence file yet).
# Needs root (debootstrap, chroot) and Debian's debootstrap, umoci and skopeo (installed when missing).
set -euo pipefail
cd "$(dirname "$0")/.."

package=true
for arg in "$@"; do
  case "$arg" in
    --no-package) package=false ;;
    *) echo "unknown argument: $arg" >&2; exit 2 ;;
  esac
done

suite=bookworm
base_version=2          # bump when the base recipe below changes: the cache key
app_uid=10001
cache=${STACKRATINGS_IMAGE_CACHE:-$HOME/.cache/stackratings-image}
base_layout="$cache/base-$suite-jre17-v$base_version"
out=target/image
version=$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' pom.xml | head -1)
revision=$(git rev-parse HEAD 2>/dev/null || echo unknown)
source_url=${IMAGE_SOURCE:-$(git remote get-url origin 2>/dev/null || echo NOASSERTION)}
licenses=${IMAGE_LICENSES:-NOASSERTION}
# the ports of docs/architecture.md, "Ports: public and management"
api_port=$(sed -n 's/^quarkus\.http\.port=//p' src/main/resources/application.properties)
management_port=$(sed -n 's/^quarkus\.management\.port=//p' src/main/resources/application.properties)

step() { echo "== $(date -u +%H:%M:%S) $*"; }

if [ "$(id -u)" -ne 0 ]; then
  echo "build-image.sh needs root (debootstrap and chroot)" >&2
  exit 1
fi
missing=()
for tool in debootstrap umoci skopeo; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ]; then
  step "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# ---------------------------------------------------------------------------------------------------------------
# 1. the base image (cached)
# ---------------------------------------------------------------------------------------------------------------
if [ -f "$base_layout/index.json" ]; then
  step "base image: cached at $base_layout"
else
  step "base image: debootstrap $suite (minbase + openjdk-17-jre-headless)"
  # the mirror is the one this machine's apt uses
  mirror=$(sed -n 's/^URIs: *//p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -1)
  [ -n "$mirror" ] || mirror=$(awk '$1 == "deb" { print $2; exit }' /etc/apt/sources.list)
  work=$(mktemp -d "${TMPDIR:-/tmp}/stackratings-base.XXXXXX")
  trap 'rm -rf "$work"' EXIT
  rootfs="$work/rootfs"
  debootstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates "$suite" "$rootfs" "$mirror" \
    > "$work/debootstrap.log" || { tail -30 "$work/debootstrap.log" >&2; exit 1; }
  # the security and point-release updates, from the same mirrors as this machine's apt
  # (openjdk's post-installation script needs /proc)
  if [ -f /etc/apt/sources.list.d/debian.sources ]; then
    rm -f "$rootfs/etc/apt/sources.list"
    cp /etc/apt/sources.list.d/debian.sources "$rootfs/etc/apt/sources.list.d/debian.sources"
    mount -t proc proc "$rootfs/proc"
    trap 'umount "$rootfs/proc" 2>/dev/null; rm -rf "$work"' EXIT
    chroot "$rootfs" sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get upgrade -y -qq' \
      > "$work/upgrade.log" 2>&1 || { tail -30 "$work/upgrade.log" >&2; exit 1; }
    umount "$rootfs/proc"
  fi
  chroot "$rootfs" groupadd --gid "$app_uid" stackratings
  chroot "$rootfs" useradd --uid "$app_uid" --gid "$app_uid" --home-dir /deployments --no-create-home \
    --shell /usr/sbin/nologin stackratings
  # no package caches, no device nodes (the runtime mounts /dev), an empty /tmp that the runtime user may write
  chroot "$rootfs" apt-get clean
  rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/log/*.log \
    "$rootfs"/dev/* "$rootfs"/tmp/* "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/*
  chmod 1777 "$rootfs/tmp"
  step "base image: one layer with umoci"
  mkdir -p "$cache"
  layout="$work/layout"
  umoci init --layout "$layout"
  umoci new --image "$layout:base"
  umoci unpack --image "$layout:base" "$work/bundle" >/dev/null
  cp -a "$rootfs/." "$work/bundle/rootfs/"
  umoci repack --image "$layout:base" "$work/bundle"
  umoci gc --layout "$layout"
  rm -rf "$base_layout.tmp"
  mv "$layout" "$base_layout.tmp"
  mv "$base_layout.tmp" "$base_layout"
  rm -rf "$work"
  trap - EXIT
fi

# ---------------------------------------------------------------------------------------------------------------
# 2. the application
# ---------------------------------------------------------------------------------------------------------------
if $package; then
  step "application: ./mvnw package"
  ./mvnw -B -q package -DskipTests
fi
app=target/quarkus-app
[ -f "$app/quarkus-run.jar" ] || { echo "$app/quarkus-run.jar is missing: run ./mvnw package first" >&2; exit 1; }

step "image: layers from $app"
rm -rf "$out"
mkdir -p "$out"
layout="$out/layout"
cp -a "$base_layout" "$layout"
image="$layout:stackratings"
umoci tag --image "$layout:base" stackratings
# The layers are written by GNU tar (owned by root, not writable by the image's user, dated by the commit) and
# added verbatim: umoci 0.4.7's `insert` writes tar streams without their end (ImageArchiveTest saw it).
stage="$out/stage"
mkdir -p "$stage/deployments"
cp -a "$app/lib" "$app/quarkus" "$app/app" "$app/quarkus-run.jar" "$stage/deployments/"
epoch=$(git log -1 --format=%ct 2>/dev/null || date +%s)
add_layer() {
  local name=$1 created_by=$2
  shift 2
  tar --create --file "$out/$name.tar" --directory "$stage" --sort=name --owner=0 --group=0 --numeric-owner \
    --mtime="@$epoch" --mode=go-w --no-recursion deployments --recursion "$@"
  umoci raw add-layer --image "$image" --history.created_by "$created_by" "$out/$name.tar"
  rm -f "$out/$name.tar"
}
add_layer dependencies "dependencies (target/quarkus-app/lib)" deployments/lib
add_layer quarkus "Quarkus (target/quarkus-app/quarkus)" deployments/quarkus
add_layer application "StackRatings (target/quarkus-app/app, quarkus-run.jar)" deployments/app deployments/quarkus-run.jar
rm -rf "$stage"

# ---------------------------------------------------------------------------------------------------------------
# 3. the configuration
# ---------------------------------------------------------------------------------------------------------------
step "image: configuration"
# JVM: heap from the container's memory limit; stop at the first OutOfMemoryError so the orchestrator restarts
# the instance; temporary files only under /tmp (a volume). JDK_JAVA_OPTIONS adds flags (the java launcher reads it).
umoci config --image "$image" \
  --config.user "$app_uid:$app_uid" \
  --config.workingdir /deployments \
  --config.entrypoint java \
  --config.entrypoint -XX:MaxRAMPercentage=75 \
  --config.entrypoint -XX:+ExitOnOutOfMemoryError \
  --config.entrypoint -Djava.io.tmpdir=/tmp \
  --config.entrypoint -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  --config.entrypoint -jar \
  --config.entrypoint /deployments/quarkus-run.jar \
  --clear=config.cmd \
  --config.env LANG=C.UTF-8 \
  --config.exposedports "$api_port/tcp" \
  --config.exposedports "$management_port/tcp" \
  --config.volume /tmp \
  --config.label "org.opencontainers.image.title=StackRatings" \
  --config.label "org.opencontainers.image.description=Ratings and assurance agency for OpenStack clouds" \
  --config.label "org.opencontainers.image.version=$version" \
  --config.label "org.opencontainers.image.revision=$revision" \
  --config.label "org.opencontainers.image.source=$source_url" \
  --config.label "org.opencontainers.image.licenses=$licenses" \
  --config.label "org.opencontainers.image.base.name=debian:$suite (debootstrap minbase, openjdk-17-jre-headless)" \
  --history.created_by "scripts/build-image.sh: user, entrypoint, ports, labels"
umoci rm --image "$layout:base"
umoci gc --layout "$layout"

# ---------------------------------------------------------------------------------------------------------------
# 4. the OCI archive, and a start of its JVM as the image's user
# ---------------------------------------------------------------------------------------------------------------
step "image: OCI archive"
skopeo copy --quiet "oci:$image" "oci-archive:$out/stackratings-oci.tar:stackratings:$version"

step "image: java -version as uid $app_uid in the unpacked image"
umoci unpack --image "$image" "$out/bundle" >/dev/null
test -f "$out/bundle/rootfs/deployments/quarkus-run.jar"
# (the dynamic loader finds the JVM's libraries through /proc/self/exe)
mount -t proc proc "$out/bundle/rootfs/proc"
trap 'umount "$out/bundle/rootfs/proc" 2>/dev/null' EXIT
chroot --userspec="$app_uid:$app_uid" "$out/bundle/rootfs" /usr/bin/java -XX:MaxRAMPercentage=75 -version 2>&1 \
  | sed 's/^/   /'
umount "$out/bundle/rootfs/proc"
trap - EXIT
rm -rf "$out/bundle" "$layout"

step "done: $out/stackratings-oci.tar ($(du -h "$out/stackratings-oci.tar" | cut -f1))"
