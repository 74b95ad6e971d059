-- wrk script for POST /api/approve (used by serve-load.sh): every request
-- approves a different report awaiting a decision.
--
-- The reports come from the file named by the environment variable
-- APPROVE_LIST, one a line, "task<TAB>period<TAB>revision" (what
-- serve-load.sh writes from GET /api/queue). With -t N (N given again in
-- APPROVE_THREADS), thread i takes every N-th line starting at line i, so no
-- two threads send the same report. The Authorization header comes from the
-- command line (-H "Authorization: Basic ...").
--
-- When a thread's share is used up its connections go idle (delay() holds
-- them for an hour; wrk ends the run at -d as always) instead of sending
-- repeats. Since wrk's own Requests/sec divides by the whole -d, the script
-- times the approvals itself (wall clock via LuaJIT's FFI) from the first
-- request sent to the last answer received, and prints at the end:
--   approve_counts ok=N failed=N sent=N available=N window_s=S rps=R
--   approve_status 200=N 409=N ...
--   approve_error <status> <body>        (the first few failures, if any)

local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } ro_timespec;
  int clock_gettime(int clk_id, ro_timespec *tp);
]]
local ts = ffi.new("ro_timespec")
local function now_s()
   ffi.C.clock_gettime(0, ts) -- CLOCK_REALTIME: comparable across threads
   return tonumber(ts.tv_sec) + tonumber(ts.tv_nsec) / 1e9
end

local threads = {}
local counter = 0

-- Runs in the main Lua state, once per thread, before that thread's init().
function setup(thread)
   thread:set("index", counter)
   counter = counter + 1
   table.insert(threads, thread)
end

function init(args)
   local path = assert(os.getenv("APPROVE_LIST"), "APPROVE_LIST is not set")
   local n = tonumber(os.getenv("APPROVE_THREADS") or "1")
   bodies = {}
   local line_no = 0
   for line in io.lines(path) do
      if line ~= "" then
         if line_no % n == index then
            local task, period, revision = line:match("^([^\t]+)\t([^\t]+)\t(%d+)$")
            assert(task, "bad line in " .. path .. ": " .. line)
            -- Task ids and periods are ASCII letters, digits and . - _ /:
            -- nothing to escape in JSON.
            bodies[#bodies + 1] = string.format(
               '{"task":"%s","period":"%s","revision":%s}', task, period, revision)
         end
         line_no = line_no + 1
      end
   end
   available = #bodies
   reserved = 0   -- bodies promised to a connection by delay()
   next_body = 1  -- the next body request() hands out
   sent = 0
   ok = 0
   failed = 0
   codes = {}
   errors = {}
   first_sent = 0
   last_answer = 0
   wrk.method = "POST"
   wrk.headers["Content-Type"] = "application/json"
end

-- wrk calls delay() before every request of every connection (the script
-- defines it, so wrk asks each time): a connection gets 0 ms, and one body
-- reserved for its next request(), while the share lasts, then an hour.
function delay()
   if reserved < available then
      reserved = reserved + 1
      return 0
   end
   return 3600 * 1000
end

function request()
   if reserved == 0 then
      -- wrk calls request() once at start-up to check the request it builds
      -- (never sent): answer with the first body without using it up.
      return wrk.format(nil, nil, nil, bodies[1] or "{}")
   end
   local body = bodies[next_body]
   next_body = next_body + 1
   sent = sent + 1
   if first_sent == 0 then first_sent = now_s() end
   return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
   last_answer = now_s()
   codes[status] = (codes[status] or 0) + 1
   if status == 200 then
      ok = ok + 1
   else
      failed = failed + 1
      if #errors < 5 then errors[#errors + 1] = status .. " " .. body end
   end
end

function done(summary, latency, requests)
   local total = { ok = 0, failed = 0, sent = 0, available = 0 }
   local first, last = math.huge, 0
   local all, errs = {}, {}
   for _, thread in ipairs(threads) do
      for key in pairs(total) do total[key] = total[key] + thread:get(key) end
      local f, l = thread:get("first_sent"), thread:get("last_answer")
      if f > 0 and f < first then first = f end
      if l > last then last = l end
      for code, count in pairs(thread:get("codes")) do all[code] = (all[code] or 0) + count end
      for _, e in ipairs(thread:get("errors")) do errs[#errs + 1] = e end
   end
   local window = (last > first) and (last - first) or 0
   local rps = window > 0 and total.ok / window or 0
   local parts = {}
   for code, count in pairs(all) do parts[#parts + 1] = code .. "=" .. count end
   table.sort(parts)
   io.write(string.format("approve_counts ok=%d failed=%d sent=%d available=%d window_s=%.3f rps=%.2f\n",
      total.ok, total.failed, total.sent, total.available, window, rps))
   io.write("approve_status " .. table.concat(parts, " ") .. "\n")
   for _, e in ipairs(errs) do io.write("approve_error " .. e:gsub("\n", " ") .. "\n") end
end
