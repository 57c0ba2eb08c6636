'use strict';
// The provider plugin started in a chosen working directory (the engine runs it in the Pulumi program
// directory), and the conversions between google.protobuf.Struct and plain wire values (JavaScript objects).
const structPb = require('google-protobuf/google/protobuf/struct_pb.js');
const { startProvider } = require('../harness.js');

const toStruct = (value) => structPb.Struct.fromJavaScript(value ?? {});
const fromStruct = (struct) => (struct ? struct.toJavaScript() : null);

/** Starts bin/pulumi-resource-kfp in `cwd` with the engine address as its last argument. */
const startPluginIn = (cwd, engineAddress = '127.0.0.1:1') => startProvider([engineAddress], { cwd });

module.exports = { startPluginIn, toStruct, fromStruct };
