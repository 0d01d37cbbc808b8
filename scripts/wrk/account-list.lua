-- GET /accounts?owner=<random owner>&sort=name,asc&size=50 as a signed-in user (session cookie); without
-- BENCH_OWNERS_FILE, the unfiltered list GET /accounts?sort=name,asc&size=50.
package.path = os.getenv("BENCH_LUA_DIR") .. "/?.lua;" .. package.path
local common = require("common")
common.install(200)

local owners
local size = os.getenv("BENCH_LIST_SIZE") or "50"

init = function(args)
  common.seed()
  local file = os.getenv("BENCH_OWNERS_FILE")
  if file and file ~= "" then owners = common.read_lines(file) end
  wrk.headers["Cookie"] = "JSESSIONID=" .. os.getenv("BENCH_SESSION")
  wrk.headers["Accept"] = "text/html"
end

request = function()
  if not owners then
    return wrk.format("GET", "/accounts?sort=name,asc&size=" .. size)
  end
  local owner = owners[math.random(#owners)]
  return wrk.format("GET", "/accounts?owner=" .. owner .. "&sort=name,asc&size=" .. size)
end
