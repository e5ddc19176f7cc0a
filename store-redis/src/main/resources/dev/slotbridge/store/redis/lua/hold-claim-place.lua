-- Before hold-create.lua, for an exclusive hold: claims the hold's place in the council's index of held places
-- (place -> entry, hold-entries.lua), unless another hold keeps it still.
-- KEYS[4]: the council's index of held places; ARGV as hold-create.lua, then ARGV[13]: the hold's entry in the index,
-- ARGV[14]: now (epoch ms)
-- Returns {0} when another hold keeps the place; otherwise goes on to create the hold.
local entry = redis.call('HGET', KEYS[4], ARGV[11])
if entry then
  local _, expires = held_entry(entry)
  if expires > tonumber(ARGV[14]) then
    return {0}
  end
end
redis.call('HSET', KEYS[4], ARGV[11], ARGV[13])
redis.call('PEXPIRE', KEYS[4], ARGV[7])
