-- wrk script of the soak test: each request a random public page or search (paths from the file
-- named by SOAK_PATHS, one per line), and a count of every status, per thread, printed at the end.
-- Requests come "through the TLS proxy", as in production (X-Forwarded-Proto).

local paths = {}
for line in io.lines(os.getenv("SOAK_PATHS")) do
  table.insert(paths, line)
end

local threads = {}
statuses = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() + #threads)
  wrk.headers["X-Forwarded-Proto"] = "https"
end

function request()
  return wrk.format("GET", paths[math.random(#paths)])
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      io.write(string.format("STATUS %d %d\n", status, count))
    end
  end
end
