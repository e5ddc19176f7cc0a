-- Renews a job's lease, only while the token given still holds it.
-- KEYS[1]: the lease; ARGV[1]: the holder's token; ARGV[2]: the lease's length (ms)
-- Returns {1} when renewed, {0} when the lease is no longer the holder's.
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return {1}
end
return {0}
