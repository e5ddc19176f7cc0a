-- Before hold-create.lua, for an exclusive hold: claims the hold's place in the council's index of held places
-- (place -> 'id|expiry|client'), unless another hold keeps it still.
-- KEYS[4]: the council's index of held places; ARGV as hold-create.lua, then ARGV[12]: now (epoch ms)
-- Returns {0} when another hold keeps the place; otherwise goes on to create the hold.
local entry = redis.call('HGET', KEYS[4], ARGV[11])
if entry then
  local first = string.find(entry, '|', 1, true)
  local second = string.find(entry, '|', first + 1, true)
  if tonumber(string.sub(entry, first + 1, second - 1)) > tonumber(ARGV[12]) then
    return {0}
  end
end
redis.call('HSET', KEYS[4], ARGV[11], ARGV[1] .. '|' .. ARGV[6] .. '|' .. ARGV[3])
redis.call('PEXPIRE', KEYS[4], ARGV[7])
