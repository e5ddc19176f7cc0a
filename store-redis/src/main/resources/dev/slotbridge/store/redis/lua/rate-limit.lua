-- Admits a request of a client by the GCRA rule (engine's Gcra.decide: the same arithmetic on the same numbers).
-- KEYS[1]: the client's TAT (µs since the epoch)
-- ARGV[1]: now (µs); ARGV[2]: the interval T = period / requests (µs); ARGV[3]: the burst N (requests)
-- Returns {1} when admitted (the TAT moved on by T), else {0, the wait in µs}. Numbers are written whole
-- (tostring would round them to 14 digits); the TAT lives until it has passed.
local now = tonumber(ARGV[1])
local interval = tonumber(ARGV[2])
local tat = math.max(tonumber(redis.call('GET', KEYS[1]) or now), now)
local allowedAt = tat - interval * (tonumber(ARGV[3]) - 1)
if now < allowedAt then
  return {0, string.format('%.0f', allowedAt - now)}
end
local next = tat + interval
redis.call('SET', KEYS[1], string.format('%.0f', next), 'PX', math.ceil((next - now) / 1000) + 1000)
return {1}
