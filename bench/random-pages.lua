-- Cache-busting load: random pages of random sorts, so most requests miss the response cache
-- and measure the database query itself.
local sorts = { "name", "price_asc", "price_desc", "newest" }
request = function()
  local path = "/api/v1/products?sort=" .. sorts[math.random(#sorts)] .. "&page=" .. math.random(1, 4000)
  return wrk.format(nil, path)
end
