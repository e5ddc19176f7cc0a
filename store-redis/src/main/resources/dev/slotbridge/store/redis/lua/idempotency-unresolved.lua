-- Marks a claimed key's outcome unknown: the next request with it asks the scheduler first.
-- KEYS[1]: the key's record; ARGV[1]: the owner
-- Returns {1} when marked, {0} when the claim is not the owner's.
if owned() then
  redis.call('HSET', KEYS[1], 'state', 'unresolved')
  redis.call('HDEL', KEYS[1], 'owner', 'lease')
  return {1}
end
return {0}
