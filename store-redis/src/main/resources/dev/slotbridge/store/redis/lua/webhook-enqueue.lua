-- Stores a new delivery (once) and keeps its endpoint within its bound of undelivered deliveries.
-- KEYS[1]: the delivery's hash; KEYS[2]: the due set; KEYS[3], KEYS[4]: the client's pending and failed sets;
-- KEYS[5], KEYS[6]: the endpoint's pending and failed sets
-- ARGV[1]: the deliveries' key prefix; ARGV[2]: the bound; ARGV[3]: id; ARGV[4]: due (epoch ms); ARGV[5]: created
-- (epoch ms); ARGV[6]: time to live (ms); then the hash's fields, name and value
-- Returns {stored (1 or 0), how many older deliveries were dropped}.
if redis.call('EXISTS', KEYS[1]) == 1 then
  return {0, 0}
end
for i = 7, #ARGV, 2 do
  redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
end
redis.call('PEXPIRE', KEYS[1], ARGV[6])
redis.call('ZADD', KEYS[2], ARGV[4], ARGV[3])
for _, set in ipairs({KEYS[3], KEYS[5]}) do
  redis.call('ZADD', set, ARGV[5], ARGV[3])
  redis.call('PEXPIRE', set, ARGV[6])
end
local excess = redis.call('ZCARD', KEYS[5]) + redis.call('ZCARD', KEYS[6]) - tonumber(ARGV[2])
local failed = math.min(math.max(excess, 0), redis.call('ZCARD', KEYS[6]))
local dropped = drop_oldest(KEYS[6], KEYS[4], failed, '')
dropped = dropped + drop_oldest(KEYS[5], KEYS[3], excess - failed, ARGV[3])
return {1, dropped}
