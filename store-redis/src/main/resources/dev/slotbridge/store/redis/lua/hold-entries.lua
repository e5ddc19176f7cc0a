-- Shared by the hold scripts: reads an entry of the holds' indexes in either format — JSON, or the earlier format,
-- fields joined by '|' — as replicas writing either share them (RedisValues).
-- A client's counted hold: {"expires":…,"day":…,"place":…,"property":…} or 'expires|day|place|property'.
local function counted_entry(entry)
  if string.sub(entry, 1, 1) == '{' then
    local fields = cjson.decode(entry)
    return tonumber(fields.expires), fields.day, fields.place, fields.property
  end
  local a = string.find(entry, '|', 1, true)
  local b = string.find(entry, '|', a + 1, true)
  local c = string.find(entry, '|', b + 1, true)
  return tonumber(string.sub(entry, 1, a - 1)), string.sub(entry, a + 1, b - 1), string.sub(entry, b + 1, c - 1),
    string.sub(entry, c + 1)
end
-- A council's held place: {"hold":…,"expires":…,"client":…} or 'hold|expires|client'.
local function held_entry(entry)
  if string.sub(entry, 1, 1) == '{' then
    local fields = cjson.decode(entry)
    return fields.hold, tonumber(fields.expires)
  end
  local first = string.find(entry, '|', 1, true)
  local second = string.find(entry, '|', first + 1, true)
  return string.sub(entry, 1, first - 1), tonumber(string.sub(entry, first + 1, second - 1))
end
