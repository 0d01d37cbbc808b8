-- Shared by the wrk scripts of scripts/benchmark.sh: reads lists from files, counts answers whose status
-- is not the expected one, and prints one machine-readable summary line.
local common = {}

function common.read_lines(path)
  local lines = {}
  local file = assert(io.open(path, "r"), "cannot read " .. tostring(path))
  for line in file:lines() do
    if line ~= "" then lines[#lines + 1] = line end
  end
  file:close()
  assert(#lines > 0, "no lines in " .. path)
  return lines
end

-- Installs setup/init/response/done for a scenario whose answers must have the status `expected`.
function common.install(expected)
  local threads = {}

  setup = function(thread)
    thread:set("thread_no", #threads + 1)
    threads[#threads + 1] = thread
  end

  unexpected = 0
  local seeded = false
  response = function(status, headers, body)
    if status ~= expected then
      unexpected = unexpected + 1
      if unexpected <= 3 then
        io.stderr:write("unexpected status " .. status .. ": " .. string.sub(body or "", 1, 200) .. "\n")
      end
    end
  end

  done = function(summary, latency, requests)
    local bad = 0
    for _, thread in ipairs(threads) do
      bad = bad + (thread:get("unexpected") or 0)
    end
    local e = summary.errors
    local seconds = summary.duration / 1e6
    io.write(string.format(
      "BENCH requests=%d duration_s=%.2f rps=%.1f mean_ms=%.2f p50_ms=%.2f p90_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f socket_errors=%d unexpected_status=%d\n",
      summary.requests, seconds, summary.requests / seconds, latency.mean / 1000,
      latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(95) / 1000,
      latency:percentile(99) / 1000, latency.max / 1000,
      e.connect + e.read + e.write + e.timeout, bad))
  end
end

function common.seed()
  math.randomseed(os.time() * 1000 + (thread_no or 0) * 7919 + math.floor(os.clock() * 1e6))
  for _ = 1, 10 do math.random() end
end

return common
