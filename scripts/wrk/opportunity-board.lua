-- GET /opportunities/board?pipeline=<BENCH_PIPELINE>: the board page of the pipeline with the ten thousand
-- open opportunities (column headers with counts and sums), as a signed-in user.
package.path = os.getenv("BENCH_LUA_DIR") .. "/?.lua;" .. package.path
local common = require("common")
common.install(200)

init = function(args)
  common.seed()
  wrk.headers["Cookie"] = "JSESSIONID=" .. os.getenv("BENCH_SESSION")
  wrk.headers["Accept"] = "text/html"
end

request = function()
  return wrk.format("GET", "/opportunities/board?pipeline=" .. os.getenv("BENCH_PIPELINE"))
end
