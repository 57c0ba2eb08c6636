'use strict';
// The tiny pulumirpc.Engine server a provider logs to: Log only; the language-host
// methods answer UNIMPLEMENTED.
const grpc = require('@grpc/grpc-js');
const engineGrpc = require('@pulumi/pulumi/proto/engine_grpc_pb.js');
const emptyPb = require('google-protobuf/google/protobuf/empty_pb.js');

const SEVERITIES = ['debug', 'info', 'warning', 'error'];

/** Starts the server on 127.0.0.1:0; `onLog({ severity, message, urn, ephemeral })` gets every message. */
function startEngineServer(onLog) {
  const server = new grpc.Server();
  const unimplemented = (call, callback) => callback({ code: grpc.status.UNIMPLEMENTED, details: 'the mini engine serves only Engine/Log' });
  server.addService(engineGrpc.EngineService, {
    log(call, callback) {
      const request = call.request;
      const severity = SEVERITIES[request.getSeverity()];
      if (!severity) {
        callback({ code: grpc.status.INVALID_ARGUMENT, details: `unknown log severity ${request.getSeverity()}` });
        return;
      }
      onLog({ severity, message: request.getMessage(), urn: request.getUrn(), ephemeral: request.getEphemeral() });
      callback(null, new emptyPb.Empty());
    },
    getRootResource: unimplemented,
    setRootResource: unimplemented,
    startDebugging: unimplemented,
    requirePulumiVersion: unimplemented,
  });
  return new Promise((resolve, reject) => {
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, port) => {
      if (error) {
        reject(error);
        return;
      }
      resolve({
        address: `127.0.0.1:${port}`,
        close: () => new Promise((done) => server.tryShutdown(() => done())),
      });
    });
  });
}

module.exports = { startEngineServer };
