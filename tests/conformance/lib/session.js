'use strict';
// The calls the Pulumi engine makes on a provider, built with the
// generated request classes and answered as plain wire values. Every answer carries `trace`: the call
// as JSON (request and response in wire form), for assertion messages and bug reports.
const providerPb = require('@pulumi/pulumi/proto/provider_pb.js');
const emptyPb = require('google-protobuf/google/protobuf/empty_pb.js');
const { toStruct, fromStruct } = require('./plugin.js');

const STACK = 'conformance';
const PROJECT = 'conformance';
const DIFF_KINDS = ['ADD', 'ADD_REPLACE', 'DELETE', 'DELETE_REPLACE', 'UPDATE', 'UPDATE_REPLACE'];
const DIFF_CHANGES = ['DIFF_UNKNOWN', 'DIFF_NONE', 'DIFF_SOME'];

const urnOf = (type, name) => `urn:pulumi:${STACK}::${PROJECT}::${type}::${name}`;
const trace = (method, request, response) => JSON.stringify({ method, request, response });

const failuresOf = (response) => response.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() }));

/** Wraps a started plugin ({ call }) with the engine's requests. */
function session(plugin) {
  const call = (method, request) => plugin.call(method, request);

  async function handshake(engineAddress = '127.0.0.1:1', programDirectory = undefined) {
    const request = new providerPb.ProviderHandshakeRequest();
    request.setEngineAddress(engineAddress);
    if (programDirectory) {
      request.setRootDirectory(programDirectory);
      request.setProgramDirectory(programDirectory);
    }
    request.setConfigureWithUrn(true);
    request.setSupportsViews(true);
    request.setInvokeWithPreview(true);
    const response = await call('handshake', request);
    return { acceptSecrets: response.getAcceptSecrets(), acceptResources: response.getAcceptResources() };
  }

  const pluginInfo = async () => (await call('getPluginInfo', new emptyPb.Empty())).getVersion();

  async function schema() {
    const request = new providerPb.GetSchemaRequest();
    request.setVersion(0);
    return (await call('getSchema', request)).getSchema();
  }

  async function check({ type, name, olds = {}, news, randomSeed }, method = 'check') {
    const request = new providerPb.CheckRequest();
    request.setUrn(urnOf(type, name));
    request.setName(name);
    request.setType(type);
    request.setOlds(toStruct(olds));
    request.setNews(toStruct(news));
    if (randomSeed) {
      request.setRandomseed(randomSeed);
    }
    const response = await call(method, request);
    const result = { inputs: fromStruct(response.getInputs()), failures: failuresOf(response) };
    return { ...result, trace: trace(method, { urn: request.getUrn(), olds, news }, result) };
  }

  const providerType = 'pulumi:providers:kfp';
  const checkConfig = (news, olds = {}) => check({ type: providerType, name: 'default', olds, news }, 'checkConfig');

  async function configure(args) {
    const request = new providerPb.ConfigureRequest();
    request.setArgs(toStruct(args));
    request.setAcceptsecrets(true);
    request.setAcceptresources(true);
    request.setSendsOldInputs(true);
    request.setSendsOldInputsToDelete(true);
    request.setId('00000000-0000-0000-0000-000000000000');
    request.setUrn(urnOf(providerType, 'default'));
    request.setName('default');
    request.setType(providerType);
    const response = await call('configure', request);
    const result = { acceptSecrets: response.getAcceptsecrets(), supportsPreview: response.getSupportspreview() };
    return { ...result, trace: trace('configure', { args }, result) };
  }

  async function diff({ type, name, id, olds, news, oldInputs }) {
    const request = new providerPb.DiffRequest();
    request.setId(id);
    request.setUrn(urnOf(type, name));
    request.setName(name);
    request.setType(type);
    request.setOlds(toStruct(olds));
    request.setNews(toStruct(news));
    request.setOldInputs(toStruct(oldInputs));
    const response = await call('diff', request);
    const detailedDiff = {};
    response.getDetaileddiffMap().forEach((v, k) => {
      detailedDiff[k] = { kind: DIFF_KINDS[v.getKind()], inputDiff: v.getInputdiff() };
    });
    const result = {
      changes: DIFF_CHANGES[response.getChanges()],
      replaces: response.getReplacesList(),
      diffs: response.getDiffsList(),
      deleteBeforeReplace: response.getDeletebeforereplace(),
      hasDetailedDiff: response.getHasdetaileddiff(),
      detailedDiff,
    };
    return { ...result, trace: trace('diff', { id, olds, news, oldInputs }, result) };
  }

  async function create({ type, name, properties, preview = false }) {
    const request = new providerPb.CreateRequest();
    request.setUrn(urnOf(type, name));
    request.setName(name);
    request.setType(type);
    request.setProperties(toStruct(properties));
    request.setPreview(preview);
    const response = await call('create', request);
    const result = { id: response.getId(), properties: fromStruct(response.getProperties()) };
    return { ...result, trace: trace('create', { properties, preview }, result) };
  }

  /** Read as refresh sends it (id, outputs, inputs) or, with only an id, as import does (no properties). */
  async function read({ type, name, id, properties, inputs }) {
    const request = new providerPb.ReadRequest();
    request.setId(id);
    request.setUrn(urnOf(type, name));
    request.setName(name);
    request.setType(type);
    if (properties) {
      request.setProperties(toStruct(properties));
    }
    if (inputs) {
      request.setInputs(toStruct(inputs));
    }
    const response = await call('read', request);
    const result = { id: response.getId(), properties: fromStruct(response.getProperties()), inputs: fromStruct(response.getInputs()) };
    return { ...result, trace: trace('read', { id, properties, inputs }, result) };
  }

  async function update({ type, name, id, olds, news, oldInputs, preview = false }) {
    const request = new providerPb.UpdateRequest();
    request.setId(id);
    request.setUrn(urnOf(type, name));
    request.setName(name);
    request.setType(type);
    request.setOlds(toStruct(olds));
    request.setNews(toStruct(news));
    request.setOldInputs(toStruct(oldInputs));
    request.setPreview(preview);
    const response = await call('update', request);
    const result = { properties: fromStruct(response.getProperties()) };
    return { ...result, trace: trace('update', { id, olds, news, oldInputs, preview }, result) };
  }

  async function del({ type, name, id, properties, oldInputs }) {
    const request = new providerPb.DeleteRequest();
    request.setId(id);
    request.setUrn(urnOf(type, name));
    request.setName(name);
    request.setType(type);
    request.setProperties(toStruct(properties));
    request.setOldInputs(toStruct(oldInputs));
    await call('delete', request);
  }

  async function invoke(tok, args) {
    const request = new providerPb.InvokeRequest();
    request.setTok(tok);
    request.setArgs(toStruct(args));
    const response = await call('invoke', request);
    const result = { return: fromStruct(response.getReturn()), failures: failuresOf(response) };
    return { ...result, trace: trace('invoke', { tok, args }, result) };
  }

  return { handshake, pluginInfo, schema, checkConfig, configure, check, diff, create, read, update, delete: del, invoke };
}

/**
 * Brings a provider up as the engine does for a default provider: Handshake, GetPluginInfo, CheckConfig,
 * Configure (with the checked config). Resolves { version, checkedConfig }.
 */
async function engineSetup(s, config) {
  await s.handshake();
  const version = await s.pluginInfo();
  const checked = await s.checkConfig({ ...config, version });
  if (checked.failures.length > 0) {
    throw new Error(`CheckConfig failed: ${checked.trace}`);
  }
  await s.configure(checked.inputs);
  return { version, checkedConfig: checked.inputs };
}

module.exports = { session, engineSetup, urnOf };
