-- Shared by the scripts that change a claim: whether the replica ARGV[1] still owns the claim on KEYS[1] (a claim
-- taken over is the new owner's).
local function owned()
  return redis.call('HGET', KEYS[1], 'state') == 'claimed' and redis.call('HGET', KEYS[1], 'owner') == ARGV[1]
end
