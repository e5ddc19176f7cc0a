-- Renews this replica's claim on a key while it works.
-- KEYS[1]: the key's record; ARGV[1]: the owner; ARGV[2]: the lease's new end (epoch ms)
-- Returns {1} when renewed, {0} when the claim is not the owner's.
if owned() then
  redis.call('HSET', KEYS[1], 'lease', ARGV[2])
  return {1}
end
return {0}
