-- The global search with a random query from BENCH_QUERIES_FILE (names, name beginnings, names with one typo,
-- e-mail beginnings): GET /api/v1/search?q=...&size=10 with a bearer token (BENCH_TOKEN) and the parameters in
-- BENCH_SEARCH_PARAMS (such as "&counts=false"), or, with
-- BENCH_SEARCH_PATH=/search/suggest and a session cookie (BENCH_SESSION), the dropdown of the navigation.
package.path = os.getenv("BENCH_LUA_DIR") .. "/?.lua;" .. package.path
local common = require("common")
common.install(200)

local queries
local path = os.getenv("BENCH_SEARCH_PATH") or "/api/v1/search"
local extra = os.getenv("BENCH_SEARCH_PARAMS") or ""

local function encode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

init = function(args)
  common.seed()
  queries = common.read_lines(os.getenv("BENCH_QUERIES_FILE"))
  local session = os.getenv("BENCH_SESSION")
  if session and session ~= "" then
    wrk.headers["Cookie"] = "JSESSIONID=" .. session
    wrk.headers["Accept"] = "text/html"
    wrk.headers["HX-Request"] = "true"
  else
    wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")
    wrk.headers["Accept"] = "application/json"
  end
end

request = function()
  return wrk.format("GET", path .. "?size=10" .. extra .. "&q=" .. encode(queries[math.random(#queries)]))
end
