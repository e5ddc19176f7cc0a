-- Caches one search's answer in its property's hash, which lives as long as its newest entry.
-- KEYS[1]: the property's hash; ARGV[1]: the search's field; ARGV[2]: the value; ARGV[3]: its time to live (ms)
-- Returns {1}.
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[3]) then
  redis.call('PEXPIRE', KEYS[1], ARGV[3])
end
return {1}
