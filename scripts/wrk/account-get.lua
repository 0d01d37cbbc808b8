-- GET /api/v1/accounts/{id} for random existing ids, with a bearer token.
package.path = os.getenv("BENCH_LUA_DIR") .. "/?.lua;" .. package.path
local common = require("common")
common.install(200)

local ids

init = function(args)
  common.seed()
  ids = common.read_lines(os.getenv("BENCH_IDS_FILE"))
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")
  wrk.headers["Accept"] = "application/json"
end

request = function()
  return wrk.format("GET", "/api/v1/accounts/" .. ids[math.random(#ids)])
end
