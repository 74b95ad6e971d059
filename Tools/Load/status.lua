-- wrk script for the read phases of serve-load.sh: sends the request given
-- on the command line (URL and -H headers) unchanged and counts the answers
-- by HTTP status, since wrk itself only counts statuses above 399 and a lost
-- session (a 302 to the sign-in page) would pass unseen. Prints at the end:
--   read_status 200=N 302=N ...
--   read_not_2xx N

local threads = {}

function setup(thread)
   table.insert(threads, thread)
end

function init(args)
   codes = {}
end

function response(status, headers, body)
   codes[status] = (codes[status] or 0) + 1
end

function done(summary, latency, requests)
   local all, bad = {}, 0
   for _, thread in ipairs(threads) do
      for code, count in pairs(thread:get("codes")) do
         all[code] = (all[code] or 0) + count
         if code < 200 or code > 299 then bad = bad + count end
      end
   end
   local parts = {}
   for code, count in pairs(all) do parts[#parts + 1] = code .. "=" .. count end
   table.sort(parts)
   io.write("read_status " .. table.concat(parts, " ") .. "\n")
   io.write("read_not_2xx " .. bad .. "\n")
end
