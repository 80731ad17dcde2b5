-- Cache-busting search: random words and pages, so most requests miss the response cache.
local words = { "confiture", "miel", "creme", "chaussure", "savon", "vin", "fromage", "pain",
  "huile", "chocolat", "tomme", "bougie", "livre", "olive", "tarte", "poterie" }
request = function()
  local path = "/api/v1/products?q=" .. words[math.random(#words)] .. "&page=" .. math.random(1, 20)
  return wrk.format(nil, path)
end
