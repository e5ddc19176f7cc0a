-- Shared by the scripts that store or update a delivery: removes the oldest `excess` ids of one endpoint's status
-- set, never `keep`, with their deliveries (KEYS[2] is the due set, ARGV[1] the deliveries' key prefix). Returns how
-- many deliveries it removed: an id whose delivery had already expired is not one.
local function drop_oldest(endpoint_set, client_set, excess, keep)
  local dropped = 0
  if excess <= 0 then
    return 0
  end
  for _, id in ipairs(redis.call('ZRANGE', endpoint_set, 0, excess)) do
    if excess > 0 and id ~= keep then
      excess = excess - 1
      redis.call('ZREM', endpoint_set, id)
      redis.call('ZREM', client_set, id)
      redis.call('ZREM', KEYS[2], id)
      dropped = dropped + redis.call('DEL', ARGV[1] .. id)
    end
  end
  return dropped
end
