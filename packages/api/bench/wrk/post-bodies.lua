-- wrk script: POSTs the JSON bodies of a file (one a line), each connection cycling through them
-- from its own starting place, with a bearer token when one is given, and prints a summary as
-- one JSON line for bench/wrk-run.ts.
-- Usage: wrk -s post-bodies.lua URL -- BODIES_FILE [TOKEN]

local bodies = {}
local headers = { ["content-type"] = "application/json" }
local next_body = 1

function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then bodies[#bodies + 1] = line end
  end
  if args[2] and #args[2] > 0 then headers["authorization"] = "Bearer " .. args[2] end
  -- Threads start at different places in the mix.
  next_body = (tonumber(wrk.thread:get("id")) or 0) % #bodies + 1
end

function setup(thread)
  thread_count = (thread_count or 0) + 1
  thread:set("id", thread_count * 7)
end

function request()
  local body = bodies[next_body]
  next_body = next_body % #bodies + 1
  return wrk.format("POST", nil, headers, body)
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    'WRK_SUMMARY {"requests":%d,"durationMicros":%d,"p50Micros":%d,"p99Micros":%d,"maxMicros":%d,"connectErrors":%d,"readErrors":%d,"writeErrors":%d,"statusErrors":%d,"timeouts":%d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    latency.max, errors.connect, errors.read, errors.write, errors.status, errors.timeout))
end
