-- wrk script: each connection waits `pace_ms` between requests, so the offered load is about
-- connections * 1000 / pace_ms requests per second (wrk itself has no fixed-rate mode; wrk2 is not packaged).
-- Usage: wrk -s paced.lua ... -- <pace_ms> [header:value]
local pace = 10
local extra = {}

function init(args)
  if args[1] then pace = tonumber(args[1]) end
  if args[2] then
    local k, v = args[2]:match("^([^:]+):%s*(.*)$")
    if k then extra[k] = v end
  end
end

function request()
  return wrk.format("GET", nil, extra)
end

function delay()
  return pace
end

function done(summary, latency, requests)
  io.write(string.format("SUMMARY requests=%d duration_s=%.2f rps=%.1f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout))
end
