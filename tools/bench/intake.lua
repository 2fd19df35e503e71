-- wrk script of the intake bench: POSTs new inquiries, each with its own phone.
-- Arguments after `--`: the first phone number of this wrk process (10 digits, 70xxxxxxxx) and
-- how many numbers each thread may use; thread n takes [first + n * span, first + (n + 1) * span).
-- Without arguments it sends wrk's own request (the URL given, e.g. GET /api/health).
-- `done()` prints one line, `WRK_RESULT {json}`, for the bench to read.

local threads = 0

function setup(thread)
  thread:set("thread_id", threads)
  threads = threads + 1
end

function init(args)
  local first = tonumber(args[1])
  if not first then
    return
  end
  local span = tonumber(args[2])
  next_phone = first + thread_id * span
  last_phone = next_phone + span - 1
  sent = 0
end

function request()
  if not next_phone then
    return wrk.format()
  end
  if next_phone > last_phone then
    error("the thread used up its phone numbers")
  end
  local phone = next_phone
  next_phone = next_phone + 1
  sent = sent + 1
  local marketing = (sent % 2 == 0) and "true" or "false"
  local body = string.format(
    '{"fullName":"Bench Student","phone":"+91%d","courseInterest":"Online MBA","level":"PG","mode":"online",'
      .. '"consent":{"whatsapp":true,"marketing":%s},"utm":{"source":"google","campaign":"bench-intake"}}',
    phone,
    marketing
  )
  return wrk.format("POST", nil, { ["Content-Type"] = "application/json" }, body)
end

-- The process's CPU time so far (all threads), read just before wrk exits: utime + stime, in clock ticks.
local function cpu_ticks()
  local file = io.open("/proc/self/stat", "r")
  if not file then
    return -1
  end
  local stat = file:read("*a")
  file:close()
  -- Fields after the command name (which may hold spaces, inside parentheses): state is field 3.
  local rest = stat:match("%) (.*)$")
  local fields = {}
  for field in rest:gmatch("%S+") do
    fields[#fields + 1] = field
  end
  -- utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name.
  return tonumber(fields[12]) + tonumber(fields[13])
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(
    string.format(
      'WRK_RESULT {"requests":%d,"durationUs":%d,"p99Us":%d,"connect":%d,"read":%d,"write":%d,"timeout":%d,"status":%d,"cpuTicks":%d}\n',
      summary.requests,
      summary.duration,
      latency:percentile(99),
      e.connect,
      e.read,
      e.write,
      e.timeout,
      e.status,
      cpu_ticks()
    )
  )
end
