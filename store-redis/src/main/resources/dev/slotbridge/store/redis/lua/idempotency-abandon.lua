-- Forgets a claimed key whose request changed nothing.
-- KEYS[1]: the key's record; KEYS[2]: the client's live keys; ARGV[1]: the owner
-- Returns {1} when forgotten, {0} when the claim is not the owner's.
if owned() then
  redis.call('DEL', KEYS[1])
  redis.call('ZREM', KEYS[2], KEYS[1])
  return {1}
end
return {0}
