'use strict';
// Pulumi-like, deterministic output: one line per step (aligned), per-property diff lines, provider
// diagnostics grouped by resource, stack outputs and a one-line summary.
const { formatValue } = require('./format.js');
const { propertyChanges, flatLines, nestedLines } = require('./property-diff.js');
const values = require('../values.js');

const OPS = {
  same: { symbol: '', plan: '', done: '', name: 'same', doing: '' },
  create: { symbol: '+', plan: 'create', done: 'created', name: 'create', doing: 'creating' },
  update: { symbol: '~', plan: 'update', done: 'updated', name: 'update', doing: 'updating' },
  replace: { symbol: '+-', plan: 'replace', done: 'replaced', name: 'replace', doing: 'replacing' },
  'replace-dbr': { symbol: '-+', plan: 'replace', done: 'replaced', name: 'replace', doing: 'replacing' },
  delete: { symbol: '-', plan: 'delete', done: 'deleted', name: 'delete', doing: 'deleting' },
  'read-gone': { symbol: '-', plan: 'delete', done: 'deleted', name: 'delete', doing: 'refreshing' },
  'delete-original': { symbol: '-', plan: 'delete original', done: 'deleted original', name: 'delete-replaced', doing: 'deleting original' },
  import: { symbol: '=', plan: 'import', done: 'imported', name: 'import', doing: 'importing' },
};
// The deleted original of a create-before-delete replacement is part of its replace, not counted again.
const COUNTED_AS = { 'replace-dbr': 'replace', 'read-gone': 'delete', 'delete-original': null };
const SUMMARY_ORDER = [['create', 'to create', 'created'], ['update', 'to update', 'updated'], ['replace', 'to replace', 'replaced'],
  ['delete', 'to delete', 'deleted'], ['import', 'to import', 'imported']];

/** `type (name)` from `urn:pulumi:<stack>::<project>::<type>::<name>`. */
function nameFromUrn(urn) {
  const parts = (urn ?? '').split('::');
  return parts.length >= 4 ? `${parts[2].split('$').pop()} (${parts.slice(3).join('::')})` : 'mini-engine';
}

class Renderer {
  /**
   * `write(line)` prints one line; `dryRun` picks "to create" over "created"; `verbose` shows debug logs;
   * `diff` prints each step as `pulumi preview --diff` does (header, [id], [urn], nested property blocks).
   */
  constructor({ write, dryRun, verbose = false, diff = false, rows = [] }) {
    this.write = write;
    this.dryRun = dryRun;
    this.verbose = verbose;
    this.diff = diff;
    this.typeWidth = Math.max(0, ...rows.map((r) => r.type.length));
    this.nameWidth = Math.max(0, ...rows.map((r) => r.name.length));
    this.counts = { create: 0, update: 0, replace: 0, delete: 0, import: 0, same: 0 };
    this.diagnostics = [];
    this.names = new Map();
    this.running = new Map(); // urn → { op, type, name, status } while a provider call runs
  }

  /** Column widths from every { type, name } the run may print. */
  setRows(rows) {
    this.typeWidth = Math.max(this.typeWidth, ...rows.map((r) => r.type.length));
    this.nameWidth = Math.max(this.nameWidth, ...rows.map((r) => r.name.length));
  }

  header(text) {
    this.write(text);
  }

  row(symbol, type, name, text) {
    return ` ${symbol.padEnd(3)}${type.padEnd(this.typeWidth)}  ${name.padEnd(this.nameWidth)}  ${text}`.trimEnd();
  }

  /** A provider call for `urn` starts: status messages for it show on its row until step() ends it. */
  begin({ op, type, name, urn }) {
    this.names.set(urn, `${type} (${name})`);
    this.running.set(urn, { op, type, name, status: '' });
  }

  /**
   * A step: op is a key of OPS. `diff` is { detailedDiff, olds, news } (values are looked up there),
   * `properties` the values of a create, `id` the resource's ID (shown by the --diff view).
   */
  step({ op, type, name, urn, id, keys = [], diff = null, properties = null }) {
    this.names.set(urn, `${type} (${name})`);
    this.running.delete(urn);
    const kind = op in COUNTED_AS ? COUNTED_AS[op] : op;
    if (kind) {
      this.counts[kind] += 1; // the deleted original of a replacement is part of the replace
    }
    const info = OPS[op];
    const changes = diff ? propertyChanges(diff.detailedDiff, diff.olds, diff.news) : [];
    if (this.diff) {
      this.diffStep({ info, type, urn, id, changes, properties });
      return;
    }
    const label = this.dryRun ? info.plan : info.done;
    const suffix = keys.length > 0 ? ` [diff: ${keys.join(', ')}]` : '';
    this.write(`${this.row(info.symbol, type, name, label)}${suffix}`);
    const lines = properties ? createLines(properties) : flatLines(changes);
    lines.forEach((line) => this.write(`        ${line}`));
  }

  /** One step as `pulumi preview --diff` prints it; unchanged resources other than the stack are left out. */
  diffStep({ info, type, urn, id, changes, properties }) {
    if (type === 'pulumi:pulumi:Stack') {
      this.write(`  ${type}: (${info.name})`);
      this.write(`    [urn=${urn}]`);
      return;
    }
    if (info.name === 'same') {
      return;
    }
    this.write(`    ${info.symbol.padEnd(2)}${type}: (${info.name})`);
    if (id && !values.isUnknown(id)) {
      this.write(`        [id=${id}]`);
    }
    this.write(`        [urn=${urn}]`);
    const lines = properties ? createLines(properties) : nestedLines(changes);
    lines.forEach((line) => this.write(`      ${line}`));
  }

  log({ severity, message, urn, ephemeral }) {
    if (ephemeral) {
      this.status(severity, message, urn);
      return;
    }
    if (severity === 'debug' && !this.verbose) {
      return;
    }
    this.diagnostics.push({ severity, message, urn });
  }

  /**
   * An ephemeral status message: printed at once on the resource's row (`creating...` and the text),
   * as the CLI's non-interactive display does; never kept for Diagnostics. Repeats and "" are not printed.
   */
  status(severity, message, urn) {
    const row = this.running.get(urn);
    const text = (message ?? '').split('\n')[0].trim();
    if (!text || (severity === 'debug' && !this.verbose) || row?.status === text) {
      return;
    }
    const prefix = severity === 'warning' || severity === 'error' ? `${severity}: ` : '';
    if (row) {
      row.status = text;
      const info = OPS[row.op] ?? OPS.update;
      this.write(this.row(info.symbol, row.type, row.name, `${info.doing} ${prefix}${text}`));
    } else {
      const [type, name] = (this.names.get(urn) ?? nameFromUrn(urn)).split(' (');
      this.write(this.row('', type, name?.replace(/\)$/, '') ?? '', `${prefix}${text}`));
    }
  }

  /** An error for `urn`; the same message for the same resource is kept once (a provider may log it too). */
  error(message, urn = '') {
    const key = urn || this.defaultUrn || '';
    const text = String(message).trim();
    if (this.diagnostics.some((d) => d.severity === 'error' && (d.urn || this.defaultUrn || '') === key && d.message.trim() === text)) {
      return;
    }
    this.diagnostics.push({ severity: 'error', message, urn });
  }

  /** Messages without a resource are shown under this URN (the stack's, as the CLI does). */
  setDefaultUrn(urn) {
    this.defaultUrn = urn;
  }

  /** Diagnostics grouped by resource, in the order they arrived. */
  flushDiagnostics() {
    if (this.diagnostics.length === 0) {
      return;
    }
    this.write('');
    this.write('Diagnostics:');
    const groups = new Map();
    for (const d of this.diagnostics) {
      const key = d.urn || this.defaultUrn || '';
      if (!groups.has(key)) {
        groups.set(key, []);
      }
      groups.get(key).push(d);
    }
    for (const [urn, items] of groups) {
      this.write(`  ${this.names.get(urn) ?? nameFromUrn(urn)}:`);
      items.forEach((d) => d.message.split('\n').forEach((line, i) => this.write(`    ${i === 0 ? `${d.severity}: ` : ''}${line}`)));
    }
    this.diagnostics = [];
  }

  /** Stack outputs; in a preview, marks added (+), changed (~) and removed (-) outputs. */
  outputs(next, previous = {}) {
    const keys = [...new Set([...Object.keys(next), ...(this.dryRun ? Object.keys(previous) : [])])].sort();
    if (keys.length === 0) {
      return;
    }
    this.write('');
    this.write('Outputs:');
    const width = Math.max(...keys.map((k) => k.length));
    for (const key of keys) {
      let mark = ' ';
      if (this.dryRun) {
        mark = !(key in previous) ? '+' : !(key in next) ? '-' : values.deepEqual(previous[key], next[key]) ? ' ' : '~';
      }
      const value = key in next ? next[key] : previous[key];
      this.write(`  ${mark} ${`${key}:`.padEnd(width + 1)} ${formatValue(value)}`);
    }
  }

  summary() {
    const parts = [];
    for (const [kind, planned, done] of SUMMARY_ORDER) {
      if (this.counts[kind] > 0) {
        parts.push(`${OPS[kind].symbol} ${this.counts[kind]} ${this.dryRun ? planned : done}`);
      }
    }
    if (this.counts.same > 0 || parts.length === 0) {
      parts.push(`${this.counts.same} unchanged`);
    }
    this.write('');
    this.write(`Resources: ${parts.join(', ')}`);
  }

  hasChanges() {
    return this.counts.create + this.counts.update + this.counts.replace + this.counts.delete > 0;
  }
}

/** Lines for a create: every property of the new state, sorted. */
function createLines(properties) {
  const keys = Object.keys(properties).filter((k) => !k.startsWith('__')).sort();
  const width = Math.max(0, ...keys.map((k) => k.length));
  return keys.map((k) => `+ ${k.padEnd(width)}: ${formatValue(properties[k])}`);
}

module.exports = { Renderer, createLines };
