-- Ends an ACTIVE hold and, in the same step, records its release at the scheduler.
-- KEYS as hold-transition.lua, then KEYS[5]: the releases due, a sorted set by due time
-- ARGV[1]: id; ARGV[2]: the ending state; ARGV[3]: when the release is due (epoch ms); ARGV[4]: '1' when the
-- scheduler holds the slot
-- Returns {1} when ended, {0} when the hold was not ACTIVE.
if redis.call('HGET', KEYS[1], 'state') ~= 'ACTIVE' then
  return {0}
end
redis.call('HSET', KEYS[1], 'state', ARGV[2])
redis.call('ZREM', KEYS[2], ARGV[1])
free_place(KEYS[1], KEYS[3], KEYS[4], ARGV[1])
if ARGV[4] == '1' then
  redis.call('ZADD', KEYS[5], ARGV[3], ARGV[1])
end
return {1}
