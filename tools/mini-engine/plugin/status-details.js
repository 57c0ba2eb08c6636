'use strict';
// Decodes the `grpc-status-details-bin` trailer (a google.rpc.Status) of a failed call and finds a
// pulumirpc.ErrorResourceInitFailed detail.
const { BinaryReader } = require('google-protobuf');
const providerPb = require('@pulumi/pulumi/proto/provider_pb.js');

const INIT_FAILED_URL = 'type.googleapis.com/pulumirpc.ErrorResourceInitFailed';

function readAny(bytes) {
  const reader = new BinaryReader(bytes);
  const any = { typeUrl: '', value: new Uint8Array() };
  while (reader.nextField() && !reader.isEndGroup()) {
    if (reader.getFieldNumber() === 1) {
      any.typeUrl = reader.readString();
    } else if (reader.getFieldNumber() === 2) {
      any.value = reader.readBytes();
    } else {
      reader.skipField();
    }
  }
  return any;
}

/** google.rpc.Status bytes → { code, message, details: [{ typeUrl, value }] }. */
function decodeStatus(bytes) {
  const reader = new BinaryReader(bytes);
  const status = { code: 0, message: '', details: [] };
  while (reader.nextField() && !reader.isEndGroup()) {
    switch (reader.getFieldNumber()) {
      case 1:
        status.code = reader.readInt32();
        break;
      case 2:
        status.message = reader.readString();
        break;
      case 3:
        status.details.push(readAny(reader.readBytes()));
        break;
      default:
        reader.skipField();
    }
  }
  return status;
}

/** The ErrorResourceInitFailed detail of a grpc-js ServiceError, as plain values, or null. */
function initFailedDetail(error) {
  const raw = error?.metadata?.get?.('grpc-status-details-bin') ?? [];
  for (const value of raw) {
    const bytes = Buffer.isBuffer(value) ? value : Buffer.from(String(value), 'base64');
    for (const detail of decodeStatus(new Uint8Array(bytes)).details) {
      if (detail.typeUrl === INIT_FAILED_URL) {
        const message = providerPb.ErrorResourceInitFailed.deserializeBinary(detail.value);
        return {
          id: message.getId(),
          properties: message.getProperties()?.toJavaScript() ?? {},
          inputs: message.getInputs()?.toJavaScript() ?? null,
          reasons: message.getReasonsList(),
        };
      }
    }
  }
  return null;
}

module.exports = { decodeStatus, initFailedDetail };
