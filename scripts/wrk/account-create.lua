-- POST /api/v1/accounts with a new, varied account in each request, with a bearer token.
package.path = os.getenv("BENCH_LUA_DIR") .. "/?.lua;" .. package.path
local common = require("common")
common.install(201)

local prefixes = { "Northwind", "Blue Ridge", "Summit", "Redwood", "Harbor", "Atlas", "Meridian", "Keystone",
  "Beacon", "Frontier", "Schmidt", "Garcia", "Tanaka", "Rossi", "Nguyen", "O'Brien", "Müller", "Dubois" }
local sectors = { "Logistics", "Software", "Foods", "Consulting", "Health", "Energy", "Motors", "Properties",
  "Media", "Networks", "Insurance", "Builders" }
local industries = { "LOGISTICS", "TECHNOLOGY", "FOOD_AND_BEVERAGE", "CONSULTING", "HEALTHCARE", "ENERGY",
  "AUTOMOTIVE", "REAL_ESTATE", "MEDIA", "TELECOMMUNICATIONS", "INSURANCE", "CONSTRUCTION" }
local stages = { "PROSPECT", "PROSPECT", "NEW", "EXISTING" }
local cities = { "Austin", "Berlin", "Lyon", "Osaka", "Toronto", "Madrid" }
local counter = 0

init = function(args)
  common.seed()
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Accept"] = "application/json"
end

local function json_string(s)
  return '"' .. s:gsub('\\', '\\\\'):gsub('"', '\\"') .. '"'
end

request = function()
  counter = counter + 1
  local s = math.random(#sectors)
  local name = prefixes[math.random(#prefixes)] .. " " .. sectors[s] .. " " .. thread_no .. "-" .. counter
  local slug = name:lower():gsub("[^a-z0-9]", "")
  local body = "{" ..
    '"name":' .. json_string(name) ..
    ',"type":"COMPANY"' ..
    ',"industry":"' .. industries[s] .. '"' ..
    ',"lifecycleStage":"' .. stages[math.random(#stages)] .. '"' ..
    ',"website":"https://www.' .. slug .. '.example.com"' ..
    ',"email":"info@' .. slug .. '.example.com"' ..
    ',"phone":"+1 512 555 ' .. string.format("%04d", math.random(0, 9999)) .. '"' ..
    ',"billingAddress":{"city":' .. json_string(cities[math.random(#cities)]) .. '}' ..
    "}"
  return wrk.format("POST", "/api/v1/accounts", nil, body)
end
