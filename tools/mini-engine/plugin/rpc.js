'use strict';
// The two gRPC helpers the engine needs: a promise-returning unary call on a generated client, and
// stopping a child process with a signal (then a kill after a grace period).
const grpc = require('@grpc/grpc-js');

/** Promise wrapper of a unary call on a generated client; rejects with the grpc-js ServiceError. */
function unary(client, method, request, deadlineMs = 30000) {
  return new Promise((resolve, reject) => {
    client[method](request, new grpc.Metadata(), { deadline: Date.now() + deadlineMs }, (error, response) => {
      if (error) {
        reject(error);
      } else {
        resolve(response);
      }
    });
  });
}

/** Sends `signal` to `proc.child` and resolves on exit; kills it after `timeoutMs` and rejects. */
async function stopProcess(proc, signal = 'SIGTERM', timeoutMs = 5000) {
  if (proc.child.exitCode !== null || proc.child.signalCode !== null) {
    return proc.exited;
  }
  proc.child.kill(signal);
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => {
      proc.child.kill('SIGKILL');
      reject(new Error(`process did not exit within ${timeoutMs} ms of ${signal}`));
    }, timeoutMs);
  });
  try {
    return await Promise.race([proc.exited, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

module.exports = { grpc, unary, stopProcess };
