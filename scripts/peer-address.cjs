// Preloaded into every `next start` process (scripts/next-server.ts, next-cluster.mjs): stamps each request
// with the socket's peer address in `x-needscape-peer`, replacing anything a client sent under that name.
// Route handlers and server actions never see the socket, and `next start` fills X-Forwarded-For only when
// a client sent none, so without this the app could not tell direct clients apart for per-address limits.
const http = require("node:http");

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function emitWithPeer(event, request, ...rest) {
  if (event === "request" && request && request.headers) {
    request.headers["x-needscape-peer"] = request.socket?.remoteAddress ?? "";
  }
  return emit.call(this, event, request, ...rest);
};
