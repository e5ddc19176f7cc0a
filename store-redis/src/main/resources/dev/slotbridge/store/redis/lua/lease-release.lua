-- Releases a job's lease, only while the token given still holds it.
-- KEYS[1]: the lease; ARGV[1]: the holder's token
-- Returns {1} when released, {0} when the lease is no longer the holder's.
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('DEL', KEYS[1])
  return {1}
end
return {0}
