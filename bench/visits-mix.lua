-- What a shopper's browser sends: each page view's beacon (POST /api/v1/visits) followed by
-- two catalogue requests (a category sorted by price, a random page of products missing
-- the response cache), from VISITORS different browsers. Argument: VISITORS.
local visitors = 250
local sent = 0
local thread_seed = 0
local sorts = { "name", "price_asc", "price_desc", "newest" }

init = function(args)
  visitors = tonumber(args[1] or "250")
  thread_seed = tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 1000000
  math.randomseed(os.time() + thread_seed)
end

request = function()
  sent = sent + 1
  local step = sent % 3
  if step == 1 then
    local headers = {
      ["Content-Type"] = "text/plain;charset=UTF-8",
      ["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) Bench/1.0 visitor-" .. math.random(1, visitors),
    }
    return wrk.format("POST", "/api/v1/visits", headers, '{"page":"catalogue"}')
  elseif step == 2 then
    return wrk.format(nil, "/api/v1/products?category=epicerie&sort=price_asc")
  end
  return wrk.format(nil, "/api/v1/products?sort=" .. sorts[math.random(#sorts)] .. "&page="
    .. math.random(1, 30) .. "&nocache=" .. thread_seed .. "-" .. sent)
end
