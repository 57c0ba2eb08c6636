'use strict';
// One engine run: the Engine log server, the provider plugins it started, and the package schemas
// (each loaded by its own plugin process, as Pulumi YAML's schema loader does). Closed exactly once.
const { startEngineServer } = require('../plugin/engine-server.js');
const { findPlugin } = require('../plugin/launch.js');
const { Provider } = require('../plugin/provider.js');
const { PackageSchema } = require('../schema.js');

class Session {
  constructor(program, server, sink) {
    this.program = program;
    this.server = server;
    this.sink = sink;
    this.providers = new Map();
    this.schemas = new Map();
  }

  /** `onLog` receives every Engine/Log message the plugins send. */
  static async open(program, onLog) {
    const sink = { onLog };
    const server = await startEngineServer((entry) => sink.onLog(entry));
    return new Session(program, server, sink);
  }

  async start(pkg) {
    const file = findPlugin(pkg, this.program);
    const provider = await Provider.start(pkg, file, this.server.address, this.program.dir);
    try {
      const handshake = await provider.handshake({
        engineAddress: this.server.address,
        rootDirectory: this.program.dir,
        programDirectory: this.program.dir,
      });
      provider.version = await provider.getPluginInfo();
      provider.handshakeResult = handshake;
      return provider;
    } catch (e) {
      await provider.close();
      throw e;
    }
  }

  /** The package schema, from GetSchema on a plugin process of its own. */
  async schema(pkg) {
    if (!this.schemas.has(pkg)) {
      const loader = await this.start(pkg);
      try {
        this.schemas.set(pkg, new PackageSchema(await loader.getSchema(), loader.version));
      } finally {
        await loader.close();
      }
    }
    return this.schemas.get(pkg);
  }

  /** The (unconfigured) default provider process for `pkg`. */
  async provider(pkg) {
    if (!this.providers.has(pkg)) {
      this.providers.set(pkg, await this.start(pkg));
    }
    return this.providers.get(pkg);
  }

  async close() {
    await Promise.all([...this.providers.values()].map((p) => p.close()));
    this.providers.clear();
    await this.server.close();
  }
}

module.exports = { Session };
