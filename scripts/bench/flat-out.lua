-- wrk script: as fast as the connections go; prints one parseable summary line.
-- Usage: wrk -s flat-out.lua ... -- [header:value]
local extra = {}

function init(args)
  if args[1] then
    local k, v = args[1]:match("^([^:]+):%s*(.*)$")
    if k then extra[k] = v end
  end
end

function request()
  return wrk.format("GET", nil, extra)
end

function done(summary, latency, requests)
  io.write(string.format("SUMMARY requests=%d duration_s=%.2f rps=%.1f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout))
end
