'use strict';
// One provider plugin process and its pulumirpc.ResourceProvider client (Pulumi's generated client),
// with requests and responses as plain wire values and failures as ProviderError.
const services = require('@pulumi/pulumi/proto/provider_grpc_pb.js');
const providerPb = require('@pulumi/pulumi/proto/provider_pb.js');
const pluginPb = require('@pulumi/pulumi/proto/plugin_pb.js');
const structPb = require('google-protobuf/google/protobuf/struct_pb.js');
const emptyPb = require('google-protobuf/google/protobuf/empty_pb.js');
const { grpc, unary, stopProcess } = require('./rpc.js');
const { launchPlugin } = require('./launch.js');
const { initFailedDetail } = require('./status-details.js');

const MAX_MESSAGE = 400 * 1024 * 1024;
const SHORT_MS = 60 * 1000;
const LONG_MS = 20 * 60 * 1000;
const KIND_NAMES = ['add', 'add-replace', 'delete', 'delete-replace', 'update', 'update-replace'];

/** A failed provider call; `initFailed` holds the partial state of an ErrorResourceInitFailed. */
class ProviderError extends Error {
  constructor(method, error, pluginExit) {
    const detail = initFailedDetail(error);
    const message = pluginExit ?? error.details ?? error.message;
    super(message);
    this.name = 'ProviderError';
    this.method = method;
    this.code = error.code;
    this.initFailed = detail;
  }
}

const toStruct = (value) => structPb.Struct.fromJavaScript(value ?? {});
const fromStruct = (struct) => (struct ? struct.toJavaScript() : null);

class Provider {
  constructor(pkg, file, proc) {
    this.pkg = pkg;
    this.file = file;
    this.proc = proc;
    this.client = new services.ResourceProviderClient(`127.0.0.1:${proc.port}`, grpc.credentials.createInsecure(), {
      'grpc.max_receive_message_length': MAX_MESSAGE,
      'grpc.max_send_message_length': MAX_MESSAGE,
    });
  }

  static async start(pkg, file, engineAddress, cwd) {
    return new Provider(pkg, file, await launchPlugin(file, engineAddress, cwd));
  }

  async call(method, request, deadlineMs = SHORT_MS) {
    try {
      return await unary(this.client, method, request, deadlineMs);
    } catch (error) {
      const exited = this.proc.child.exitCode !== null || this.proc.child.signalCode !== null;
      const premature = exited && !this.proc.isStopping()
        ? `${this.file} exited prematurely during ${method}. This is always a bug in the provider. stderr:\n${this.proc.output().stderr}`
        : undefined;
      throw new ProviderError(method, error, premature);
    }
  }

  async handshake({ engineAddress, rootDirectory, programDirectory }) {
    const request = new providerPb.ProviderHandshakeRequest();
    request.setEngineAddress(engineAddress);
    request.setRootDirectory(rootDirectory);
    request.setProgramDirectory(programDirectory);
    request.setConfigureWithUrn(true);
    request.setSupportsViews(true);
    request.setSupportsRefreshBeforeUpdate(true);
    request.setInvokeWithPreview(true);
    try {
      const response = await this.call('handshake', request);
      return { acceptSecrets: response.getAcceptSecrets(), acceptResources: response.getAcceptResources(), legacy: false };
    } catch (e) {
      if (e.code === grpc.status.UNIMPLEMENTED) {
        return { legacy: true };
      }
      throw e;
    }
  }

  async getPluginInfo() {
    return (await this.call('getPluginInfo', new emptyPb.Empty())).getVersion();
  }

  async getSchema() {
    const request = new providerPb.GetSchemaRequest();
    request.setVersion(0);
    return (await this.call('getSchema', request)).getSchema();
  }

  async checkConfig(args) {
    return this.check(args, 'checkConfig');
  }

  async check({ urn, name, type, olds, news, randomSeed }, method = 'check') {
    const request = new providerPb.CheckRequest();
    request.setUrn(urn);
    request.setName(name);
    request.setType(type);
    request.setOlds(toStruct(olds));
    request.setNews(toStruct(news));
    if (randomSeed) {
      request.setRandomseed(randomSeed);
    }
    const response = await this.call(method, request);
    return {
      inputs: fromStruct(response.getInputs()) ?? {},
      failures: response.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() })),
    };
  }

  async diffConfig(args) {
    return this.diff(args, 'diffConfig');
  }

  async diff({ id, urn, name, type, olds, news, oldInputs, ignoreChanges = [] }, method = 'diff') {
    const request = new providerPb.DiffRequest();
    request.setId(id);
    request.setUrn(urn);
    request.setName(name);
    request.setType(type);
    request.setOlds(toStruct(olds));
    request.setNews(toStruct(news));
    request.setOldInputs(toStruct(oldInputs));
    request.setIgnorechangesList(ignoreChanges);
    const response = await this.call(method, request);
    const detailedDiff = {};
    response.getDetaileddiffMap().forEach((v, k) => {
      detailedDiff[k] = { kind: KIND_NAMES[v.getKind()], inputDiff: v.getInputdiff() };
    });
    return {
      changes: ['unknown', 'none', 'some'][response.getChanges()],
      replaces: response.getReplacesList(),
      stables: response.getStablesList(),
      diffs: response.getDiffsList(),
      deleteBeforeReplace: response.getDeletebeforereplace(),
      hasDetailedDiff: response.getHasdetaileddiff(),
      detailedDiff,
    };
  }

  async configure({ args, variables, id, urn, name, type }) {
    const request = new providerPb.ConfigureRequest();
    const map = request.getVariablesMap();
    Object.keys(variables).sort().forEach((k) => map.set(k, variables[k]));
    request.setArgs(toStruct(args));
    request.setAcceptsecrets(true);
    request.setAcceptresources(true);
    request.setSendsOldInputs(true);
    request.setSendsOldInputsToDelete(true);
    request.setId(id);
    request.setUrn(urn);
    request.setName(name);
    request.setType(type);
    const response = await this.call('configure', request);
    return { supportsPreview: response.getSupportspreview(), acceptSecrets: response.getAcceptsecrets() };
  }

  async create({ urn, name, type, properties, preview, timeout = 0 }) {
    const request = new providerPb.CreateRequest();
    request.setUrn(urn);
    request.setName(name);
    request.setType(type);
    request.setProperties(toStruct(properties));
    request.setPreview(preview);
    request.setTimeout(timeout);
    const response = await this.call('create', request, LONG_MS);
    return { id: response.getId(), properties: fromStruct(response.getProperties()) ?? {} };
  }

  async read({ id, urn, name, type, properties, inputs }) {
    const request = new providerPb.ReadRequest();
    request.setId(id);
    request.setUrn(urn);
    request.setName(name);
    request.setType(type);
    request.setProperties(toStruct(properties));
    request.setInputs(toStruct(inputs));
    const response = await this.call('read', request, LONG_MS);
    return { id: response.getId(), properties: fromStruct(response.getProperties()), inputs: fromStruct(response.getInputs()) };
  }

  async update({ id, urn, name, type, olds, news, oldInputs, ignoreChanges = [], preview, timeout = 0 }) {
    const request = new providerPb.UpdateRequest();
    request.setId(id);
    request.setUrn(urn);
    request.setName(name);
    request.setType(type);
    request.setOlds(toStruct(olds));
    request.setNews(toStruct(news));
    request.setOldInputs(toStruct(oldInputs));
    request.setIgnorechangesList(ignoreChanges);
    request.setPreview(preview);
    request.setTimeout(timeout);
    const response = await this.call('update', request, LONG_MS);
    return { properties: fromStruct(response.getProperties()) ?? {} };
  }

  async delete({ id, urn, name, type, properties, oldInputs, timeout = 0 }) {
    const request = new providerPb.DeleteRequest();
    request.setId(id);
    request.setUrn(urn);
    request.setName(name);
    request.setType(type);
    request.setProperties(toStruct(properties));
    request.setOldInputs(toStruct(oldInputs));
    request.setTimeout(timeout);
    await this.call('delete', request, LONG_MS);
  }

  async invoke({ tok, args, preview }) {
    const request = new providerPb.InvokeRequest();
    request.setTok(tok);
    request.setArgs(toStruct(args));
    request.setPreview(preview);
    const response = await this.call('invoke', request, LONG_MS);
    return {
      return: fromStruct(response.getReturn()) ?? {},
      failures: response.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() })),
    };
  }

  /** The engine's shutdown: Cancel, then SIGINT, then a kill after 5 s. */
  async close() {
    try {
      await unary(this.client, 'cancel', new emptyPb.Empty(), 5000);
    } catch {
      // A provider that cannot cancel is still stopped below.
    }
    this.proc.markStopping();
    this.client.close();
    try {
      await stopProcess(this.proc, 'SIGINT', 5000);
    } catch {
      // stopProcess already killed it.
    }
  }
}

module.exports = { Provider, ProviderError, pluginPb };
