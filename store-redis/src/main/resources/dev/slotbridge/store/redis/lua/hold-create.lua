-- Stores a new ACTIVE hold, makes it due to expire and counts it against its client's limits.
-- KEYS[1]: the hold's hash; KEYS[2]: the active holds, a sorted set by expiry; KEYS[3]: the client's counted holds
-- ARGV[1]: id; ARGV[2]: council; ARGV[3]: client; ARGV[4]: slot; ARGV[5]: hold key ('' for none); ARGV[6]: expiry
-- (epoch ms); ARGV[7]: time to live (ms); ARGV[8]: job; ARGV[9]: property; ARGV[10]: day; ARGV[11]: place;
-- ARGV[12]: its entry in the client's counted holds
-- Returns {1}.
redis.call('HSET', KEYS[1], 'council', ARGV[2], 'client', ARGV[3], 'slot', ARGV[4], 'holdKey', ARGV[5],
  'job', ARGV[8], 'property', ARGV[9], 'day', ARGV[10], 'expires', ARGV[6], 'state', 'ACTIVE', 'place', ARGV[11])
redis.call('PEXPIRE', KEYS[1], ARGV[7])
redis.call('ZADD', KEYS[2], ARGV[6], ARGV[1])
redis.call('HSET', KEYS[3], ARGV[1], ARGV[12])
if redis.call('PTTL', KEYS[3]) < tonumber(ARGV[7]) then
  redis.call('PEXPIRE', KEYS[3], ARGV[7])
end
return {1}
