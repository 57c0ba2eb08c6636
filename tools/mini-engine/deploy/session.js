'use strict';
// One engine run: the Engine log server, the provider plugins it started, and the package schemas
// (each loaded by its own plugin process, as Pulumi YAML's schema loader does). Closed exactly once.
const fs = require('node:fs');
const { startEngineServer } = require('../plugin/engine-server.js');
const { findPlugin } = require('../plugin/launch.js');
const { Provider } = require('../plugin/provider.js');
const { PackageSchema } = require('../schema.js');

class Session {
  constructor(program, server, sink, schemaCache) {
    this.program = program;
    this.server = server;
    this.sink = sink;
    this.schemaCache = schemaCache;
    this.providers = new Map();
    this.schemas = new Map();
  }

  /**
   * `onLog` receives every Engine/Log message the plugins send. `schemaCache` (optional, a Map the
   * caller owns and shares between runs) keeps schemas per plugin binary (path, size, mtime).
   */
  static async open(program, onLog, schemaCache = null) {
    const sink = { onLog };
    const server = await startEngineServer((entry) => sink.onLog(entry));
    return new Session(program, server, sink, schemaCache);
  }

  schemaKey(pkg) {
    const file = findPlugin(pkg, this.program);
    const stat = fs.statSync(file);
    return `${fs.realpathSync(file)}|${stat.size}|${stat.mtimeMs}`;
  }

  /** True when the schema of `pkg` is at hand without starting a plugin. */
  hasSchema(pkg) {
    return this.schemas.has(pkg) || Boolean(this.schemaCache?.has(this.schemaKey(pkg)));
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
      const key = this.schemaCache ? this.schemaKey(pkg) : null;
      if (key && this.schemaCache.has(key)) {
        this.schemas.set(pkg, this.schemaCache.get(key));
      } else {
        const loader = await this.start(pkg);
        try {
          this.schemas.set(pkg, new PackageSchema(await loader.getSchema(), loader.version));
        } finally {
          await loader.close();
        }
        this.schemaCache?.set(key, this.schemas.get(pkg));
      }
    }
    return this.schemas.get(pkg);
  }

  /**
   * An (unconfigured) provider process for `pkg`: the default provider's, or, with `key` (an explicit
   * provider's URN), one of its own. The first call starts it, so calling this early (while schemas
   * load) starts plugins in parallel, as the engine does.
   */
  provider(pkg, key = undefined) {
    const id = key ?? `${pkg}::default`;
    if (!this.providers.has(id)) {
      const starting = this.start(pkg);
      starting.catch(() => {}); // awaited by whoever needs it; close() settles it too
      this.providers.set(id, starting);
    }
    return this.providers.get(id);
  }

  async close() {
    const started = await Promise.allSettled(this.providers.values());
    this.providers.clear();
    await Promise.all(started.filter((s) => s.status === 'fulfilled').map((s) => s.value.close()));
    await this.server.close();
  }
}

module.exports = { Session };
