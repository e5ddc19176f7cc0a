-- Keeps the answer to a claimed key, for replays.
-- KEYS[1]: the key's record; KEYS[2]: the sizes of the client's kept answers
-- ARGV[1]: the owner; ARGV[2]: status; ARGV[3]: booking ref; ARGV[4]: location ('' for none); ARGV[5]: body;
-- ARGV[6]: the body's size (bytes); ARGV[7]: how long the sizes hash lives (ms)
-- Returns {1} when kept, {0} when the claim is not the owner's.
if owned() then
  redis.call('HSET', KEYS[1], 'state', 'completed', 'status', ARGV[2], 'ref', ARGV[3], 'location', ARGV[4],
    'body', ARGV[5])
  redis.call('HDEL', KEYS[1], 'owner', 'lease')
  redis.call('HSET', KEYS[2], KEYS[1], ARGV[6])
  redis.call('HINCRBY', KEYS[2], '#total', tonumber(ARGV[6]))
  redis.call('PEXPIRE', KEYS[2], tonumber(ARGV[7]))
  return {1}
end
return {0}
