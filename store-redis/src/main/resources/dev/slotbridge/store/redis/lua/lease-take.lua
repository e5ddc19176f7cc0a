-- Takes a job's lease if nobody holds it.
-- KEYS[1]: the lease; ARGV[1]: the taker's token; ARGV[2]: the lease's length (ms)
-- Returns {1} when taken, {0} when another holds it.
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
  return {1}
end
return {0}
