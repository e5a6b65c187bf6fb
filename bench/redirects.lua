-- wrk script: every request follows a random short link from the file named by LINKS_FILE.
-- Only loads, never follows the redirect: one request is exactly one click.
local paths = {}

init = function(args)
  local file = assert(io.open(os.getenv("LINKS_FILE"), "r"))
  for line in file:lines() do
    if #line > 0 then paths[#paths + 1] = line end
  end
  file:close()
  math.randomseed(os.time() + (tonumber(tostring({}):sub(8), 16) or 0))
end

request = function()
  return wrk.format("GET", paths[math.random(#paths)], { ["User-Agent"] = "Mozilla/5.0 (bench)" })
end

done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format("BENCH requests=%d non2xx3xx=%d connect=%d read=%d write=%d timeout=%d duration_us=%d p50_us=%d p99_us=%d\n",
    summary.requests, errors.status, errors.connect, errors.read, errors.write, errors.timeout,
    summary.duration, latency:percentile(50), latency:percentile(99)))
end
