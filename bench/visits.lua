-- Page views as the web app reports them (POST /api/v1/visits), from VISITORS different
-- browsers (one user agent each; every request comes from 127.0.0.1), on the public page
-- types. Arguments: RATE VISITORS. RATE > 0: each connection sends RATE beacons a second
-- (a steady background, as real visitors do); 0: as fast as the server answers.
local rate = 0
local visitors = 250
local pages = { "home", "catalogue", "catalogue", "product", "product", "shop", "shops", "basket", "checkout" }

init = function(args)
  rate = tonumber(args[1] or "0")
  visitors = tonumber(args[2] or "250")
  local thread_seed = tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 1000000
  math.randomseed(os.time() + thread_seed)
end

delay = function()
  if rate > 0 then
    return 1000 / rate
  end
  return 0
end

request = function()
  local body = '{"page":"' .. pages[math.random(#pages)] .. '"}'
  local headers = {
    ["Content-Type"] = "text/plain;charset=UTF-8",
    ["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) Bench/1.0 visitor-" .. math.random(1, visitors),
  }
  return wrk.format("POST", "/api/v1/visits", headers, body)
end
