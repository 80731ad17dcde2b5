-- Cache-busting load: random pages (1 to 100, the last one the API serves) of random sorts,
-- each URL with a parameter the API ignores and that is never the same twice, so every
-- request misses the response cache and measures the database query itself.
local sorts = { "name", "price_asc", "price_desc", "newest" }
local sent = 0
local thread_seed = tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 1000000
math.randomseed(os.time() + thread_seed)

request = function()
  sent = sent + 1
  local path = "/api/v1/products?sort=" .. sorts[math.random(#sorts)] .. "&page=" .. math.random(1, 100)
    .. "&nocache=" .. thread_seed .. "-" .. sent
  return wrk.format(nil, path)
end
