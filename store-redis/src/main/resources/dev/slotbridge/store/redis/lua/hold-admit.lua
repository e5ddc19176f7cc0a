-- Admits a hold within the client's limits at the council, and counts it.
-- KEYS[1]: the client's counted holds at the council, a hash (hold id -> entry, hold-entries.lua)
-- ARGV[1]: id; ARGV[2]: expiry (epoch ms); ARGV[3]: day; ARGV[4]: property; ARGV[5]: place; ARGV[6]: now (epoch ms);
-- ARGV[7]: the most holds per property; ARGV[8]: the most holds per client; ARGV[9]: the share of a day's places
-- (percent); ARGV[10]: the index's time to live (ms); ARGV[11]: the hold's entry; ARGV[12...]: the places offered on
-- the day
-- Expired entries are dropped as they are read; the day's places are the places offered and those the client's
-- holds that day keep, each once.
-- Returns {'ADMITTED'} or {the bound reached: 'PER_PROPERTY', 'PER_CLIENT' or 'SHARE', when the first hold counting
-- against it ends (epoch ms, '' for none)}.
local now = tonumber(ARGV[6])
local places, seen = 0, {}
for i = 12, #ARGV do
  if not seen[ARGV[i]] then
    seen[ARGV[i]] = true
    places = places + 1
  end
end
local all, forProperty, onDay = 0, 0, 0
local allFirst, propertyFirst, dayFirst
local entries = redis.call('HGETALL', KEYS[1])
for i = 1, #entries, 2 do
  local expires, day, place, property = counted_entry(entries[i + 1])
  if expires <= now then
    redis.call('HDEL', KEYS[1], entries[i])
  else
    all = all + 1
    allFirst = math.min(allFirst or expires, expires)
    if property == ARGV[4] then
      forProperty = forProperty + 1
      propertyFirst = math.min(propertyFirst or expires, expires)
    end
    if day == ARGV[3] then
      onDay = onDay + 1
      dayFirst = math.min(dayFirst or expires, expires)
      if not seen[place] then
        seen[place] = true
        places = places + 1
      end
    end
  end
end
if forProperty >= tonumber(ARGV[7]) then
  return {'PER_PROPERTY', string.format('%.0f', propertyFirst)}
end
if all >= tonumber(ARGV[8]) then
  return {'PER_CLIENT', string.format('%.0f', allFirst)}
end
local share = tonumber(ARGV[9])
if share < 100 and (onDay + 1) * 100 > share * places then
  return {'SHARE', dayFirst and string.format('%.0f', dayFirst) or ''}
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[11])
if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[10]) then
  redis.call('PEXPIRE', KEYS[1], ARGV[10])
end
return {'ADMITTED'}
