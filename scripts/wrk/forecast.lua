-- GET /forecast?from=<BENCH_FORECAST_FROM>&months=<BENCH_FORECAST_MONTHS>: the forecast page over every
-- opportunity, grouped by owner, as a signed-in user.
package.path = os.getenv("BENCH_LUA_DIR") .. "/?.lua;" .. package.path
local common = require("common")
common.install(200)

init = function(args)
  common.seed()
  wrk.headers["Cookie"] = "JSESSIONID=" .. os.getenv("BENCH_SESSION")
  wrk.headers["Accept"] = "text/html"
end

request = function()
  return wrk.format("GET", "/forecast?from=" .. os.getenv("BENCH_FORECAST_FROM") .. "&months="
    .. (os.getenv("BENCH_FORECAST_MONTHS") or "12"))
end
