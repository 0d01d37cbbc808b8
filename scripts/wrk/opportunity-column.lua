-- GET /opportunities/board/column?stage=<a random open stage of BENCH_STAGES_FILE>: the first cards of a board
-- column, which the board page loads for each column once it is shown.
package.path = os.getenv("BENCH_LUA_DIR") .. "/?.lua;" .. package.path
local common = require("common")
common.install(200)

local stages

init = function(args)
  common.seed()
  stages = common.read_lines(os.getenv("BENCH_STAGES_FILE"))
  wrk.headers["Cookie"] = "JSESSIONID=" .. os.getenv("BENCH_SESSION")
  wrk.headers["Accept"] = "text/html"
  wrk.headers["HX-Request"] = "true"
end

request = function()
  return wrk.format("GET", "/opportunities/board/column?stage=" .. stages[math.random(#stages)])
end
