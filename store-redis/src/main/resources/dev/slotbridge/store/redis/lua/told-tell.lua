-- Records the state last told of a booking, keeping the change id when the state is told again.
-- KEYS[1]: the booking's hash (fields state, change)
-- ARGV[1]: the state; ARGV[2]: a new change id; ARGV[3]: how long to keep it (ms)
-- Returns {the change id the state is told with}.
local last = redis.call('HMGET', KEYS[1], 'state', 'change')
if last[1] == ARGV[1] and last[2] then
  return {last[2]}
end
redis.call('HSET', KEYS[1], 'state', ARGV[1], 'change', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return {ARGV[2]}
