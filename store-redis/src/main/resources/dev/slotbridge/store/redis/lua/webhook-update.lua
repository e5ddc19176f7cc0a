-- Records a delivery's attempt: moves it to its status's sets (only a pending one stays due); past the delivered
-- kept, drops the endpoint's oldest delivered.
-- KEYS[1]: the delivery's hash; KEYS[2]: the due set; KEYS[3..5]: the client's pending, delivered and failed sets;
-- KEYS[6..8]: the endpoint's pending, delivered and failed sets
-- ARGV[1]: the deliveries' key prefix; ARGV[2]: how many delivered are kept; ARGV[3]: id; ARGV[4]: status;
-- ARGV[5]: attempts; ARGV[6]: next attempt (epoch ms); ARGV[7]: last error ('' for none); ARGV[8]: created (epoch
-- ms); ARGV[9]: time to live (ms)
-- Returns {1}, or {0} when Redis no longer keeps the delivery.
if redis.call('EXISTS', KEYS[1]) == 0 then
  return {0}
end
redis.call('HSET', KEYS[1], 'status', ARGV[4], 'attempts', ARGV[5], 'next', ARGV[6], 'error', ARGV[7])
redis.call('PEXPIRE', KEYS[1], ARGV[9])
for i = 3, 8 do
  redis.call('ZREM', KEYS[i], ARGV[3])
end
local target = {PENDING = {KEYS[3], KEYS[6]}, DELIVERED = {KEYS[4], KEYS[7]}, FAILED = {KEYS[5], KEYS[8]}}
for _, set in ipairs(target[ARGV[4]]) do
  redis.call('ZADD', set, ARGV[8], ARGV[3])
  redis.call('PEXPIRE', set, ARGV[9])
end
if ARGV[4] == 'PENDING' then
  redis.call('ZADD', KEYS[2], ARGV[6], ARGV[3])
else
  redis.call('ZREM', KEYS[2], ARGV[3])
end
if ARGV[4] == 'DELIVERED' then
  drop_oldest(KEYS[7], KEYS[4], redis.call('ZCARD', KEYS[7]) - tonumber(ARGV[2]), ARGV[3])
end
return {1}
