// Preloaded (NODE_OPTIONS=--require) into the web server that scripts/start.ts runs: if the launcher dies, even by
// SIGKILL, the server is reparented; it notices within a second and shuts down instead of holding the port.
const parent = process.ppid;
const timer = setInterval(() => {
  if (process.ppid !== parent) {
    clearInterval(timer);
    process.kill(process.pid, "SIGTERM");
  }
}, 1000);
timer.unref();
