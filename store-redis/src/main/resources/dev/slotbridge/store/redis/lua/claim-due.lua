-- Claims the members of a sorted set scored by when they are due that are due now, each until the lease ends.
-- KEYS[1]: the sorted set, scored by due time (epoch ms)
-- ARGV[1]: now (epoch ms); ARGV[2]: the lease's end (epoch ms); ARGV[3]: how many at most
-- Returns the members claimed.
local due = redis.call('ZRANGEBYSCORE', KEYS[1], 0, ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
for _, id in ipairs(due) do
  redis.call('ZADD', KEYS[1], 'XX', ARGV[2], id)
end
return due
