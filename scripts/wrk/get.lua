-- GET BENCH_PATH, with a bearer token (BENCH_TOKEN) or a session cookie (BENCH_SESSION); answers must be 200.
package.path = os.getenv("BENCH_LUA_DIR") .. "/?.lua;" .. package.path
local common = require("common")
common.install(200)

local path = os.getenv("BENCH_PATH")

init = function(args)
  common.seed()
  local token = os.getenv("BENCH_TOKEN")
  if token and token ~= "" then
    wrk.headers["Authorization"] = "Bearer " .. token
    wrk.headers["Accept"] = "application/json"
  else
    wrk.headers["Cookie"] = "JSESSIONID=" .. os.getenv("BENCH_SESSION")
  end
end

request = function()
  return wrk.format("GET", path)
end
