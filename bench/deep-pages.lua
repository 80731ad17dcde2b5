-- Deep pages (issue 10): `wrk -s bench/deep-pages.lua URL -- LAST` asks /api/v1/products at a
-- random page from 1 to LAST (LAST = 1: page 1 every time). Each URL also carries a parameter
-- the API ignores and that is never the same twice, so every request misses the response
-- cache and both runs measure the database's work for the page, like for like.
local last = 1
local sent = 0
local thread_seed = tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 1000000

function init(args)
  last = tonumber(args[1]) or 1
  math.randomseed(os.time() + thread_seed)
end

request = function()
  sent = sent + 1
  local path = "/api/v1/products?page=" .. math.random(1, last)
    .. "&nocache=" .. thread_seed .. "-" .. sent
  return wrk.format(nil, path)
end
