-- Shared by the scripts that end a hold, after hold-entries.lua: frees the hold's place in the council's index (if
-- the hold still keeps it) and stops it counting against its client's limits.
-- hold: the hold's hash; places: the council's index of held places; counted: the client's counted holds; id: its id
local function free_place(hold, places, counted, id)
  local place = redis.call('HGET', hold, 'place') or redis.call('HGET', hold, 'slot')
  local entry = redis.call('HGET', places, place)
  if entry and held_entry(entry) == id then
    redis.call('HDEL', places, place)
  end
  redis.call('HDEL', counted, id)
end
