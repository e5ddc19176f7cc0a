-- Begins a request with an Idempotency-Key: claims the key, or answers what it already is.
-- KEYS[1]: the key's record, a hash (state claimed|unresolved|completed, fp, owner, lease, expires; when completed
--          status, ref, location, body)
-- KEYS[2]: the client's live keys, a sorted set by expiry
-- KEYS[3]: the sizes of the client's kept answers, a hash by record, and their '#total'
-- ARGV[1]: now (epoch ms); ARGV[2]: the request's fingerprint; ARGV[3]: the owner (this replica); ARGV[4]: the lease
-- (ms); ARGV[5]: the record's time to live (ms); ARGV[6]: the client's most live keys; ARGV[7]: how long after its
-- time to live Redis keeps a record (ms); ARGV[8]: the client's most bytes of kept answers
-- Returns {'claimed'}, {'unresolved'} (taken over from a replica whose lease ran out), {'in-flight'}, {'mismatch'},
-- {'replay', status, ref, location, body} or {'full', ms until the client's oldest key ends}.
local now = tonumber(ARGV[1])
local function release(member)
  local size = redis.call('HGET', KEYS[3], member)
  if size then
    redis.call('HDEL', KEYS[3], member)
    redis.call('HINCRBY', KEYS[3], '#total', -tonumber(size))
  end
end
local state = redis.call('HGET', KEYS[1], 'state')
if state and tonumber(redis.call('HGET', KEYS[1], 'expires')) <= now then
  redis.call('DEL', KEYS[1])
  redis.call('ZREM', KEYS[2], KEYS[1])
  release(KEYS[1])
  state = false
end
if not state then
  for _, member in ipairs(redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now)) do
    release(member)
  end
  redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
  if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[6])
      or tonumber(redis.call('HGET', KEYS[3], '#total') or '0') >= tonumber(ARGV[8]) then
    local oldest = redis.call('ZRANGE', KEYS[2], 0, 0, 'WITHSCORES')
    return {'full', tostring(tonumber(oldest[2]) - now)}
  end
  local expires = now + tonumber(ARGV[5])
  redis.call('HSET', KEYS[1], 'state', 'claimed', 'fp', ARGV[2], 'owner', ARGV[3],
    'lease', tostring(now + tonumber(ARGV[4])), 'expires', tostring(expires))
  redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[5]) + tonumber(ARGV[7]))
  redis.call('ZADD', KEYS[2], expires, KEYS[1])
  redis.call('PEXPIRE', KEYS[2], tonumber(ARGV[5]) + tonumber(ARGV[7]))
  if redis.call('EXISTS', KEYS[3]) == 1 then
    redis.call('PEXPIRE', KEYS[3], tonumber(ARGV[5]) + tonumber(ARGV[7]))
  end
  return {'claimed'}
end
if redis.call('HGET', KEYS[1], 'fp') ~= ARGV[2] then
  return {'mismatch'}
end
if state == 'completed' then
  local answer = redis.call('HMGET', KEYS[1], 'status', 'ref', 'location', 'body')
  return {'replay', answer[1], answer[2], answer[3], answer[4]}
end
if state == 'claimed' and tonumber(redis.call('HGET', KEYS[1], 'lease')) > now then
  return {'in-flight'}
end
redis.call('HSET', KEYS[1], 'state', 'claimed', 'owner', ARGV[3], 'lease', tostring(now + tonumber(ARGV[4])))
return {'unresolved'}
