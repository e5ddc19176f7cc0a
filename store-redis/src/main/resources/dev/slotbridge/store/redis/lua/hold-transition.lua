-- Moves a hold from one state to another, if it is in the first (compare and set). The active set holds exactly the
-- ACTIVE holds, so a confirmation that never finished cannot clog the sweepers' reading.
-- KEYS[1]: the hold's hash; KEYS[2]: the active holds; KEYS[3]: the council's index of held places; KEYS[4]: the
-- client's counted holds
-- ARGV[1]: id; ARGV[2]: from; ARGV[3]: to; ARGV[4]: '1' when `to` ends the hold
-- Returns {1} when moved, {0} when the hold was not in `from`.
if redis.call('HGET', KEYS[1], 'state') ~= ARGV[2] then
  return {0}
end
redis.call('HSET', KEYS[1], 'state', ARGV[3])
if ARGV[3] == 'ACTIVE' then
  redis.call('ZADD', KEYS[2], redis.call('HGET', KEYS[1], 'expires'), ARGV[1])
else
  redis.call('ZREM', KEYS[2], ARGV[1])
end
if ARGV[4] == '1' then
  free_place(KEYS[1], KEYS[3], KEYS[4], ARGV[1])
end
return {1}
