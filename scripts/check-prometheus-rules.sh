#!/usr/bin/env bash
# Checks deploy/prometheus: the scrape configuration (promtool check config), the alert rules (promtool check rules)
# and their unit tests (promtool test rules). Installs promtool from Debian's prometheus package when it is missing
# (needs root) and stops the Prometheus service that package may start. Fails on any error.
set -euo pipefail

DIR="$(cd "$(dirname "$0")/../deploy/prometheus" && pwd)"

if ! command -v promtool >/dev/null; then
  echo "promtool not found: installing Debian's prometheus package" >&2
  apt-get update -qq && apt-get install -y --no-install-recommends prometheus >/dev/null
  if command -v systemctl >/dev/null && systemctl is-active --quiet prometheus 2>/dev/null; then
    systemctl disable --now prometheus
  fi
fi

promtool --version | head -1
cd "$DIR"
promtool check config prometheus.yml
promtool check rules alerts.yml
promtool test rules alerts.test.yml
echo "deploy/prometheus: config, rules and rule tests pass"
