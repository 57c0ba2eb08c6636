'use strict';
// Pulumi-like, deterministic output: one line per step (aligned), per-property diff lines, provider
// diagnostics grouped by resource, stack outputs and a one-line summary.
const { formatValue, valueAt } = require('./format.js');
const values = require('../values.js');

const OPS = {
  same: { symbol: '', plan: '', done: '' },
  create: { symbol: '+', plan: 'create', done: 'created' },
  update: { symbol: '~', plan: 'update', done: 'updated' },
  replace: { symbol: '+-', plan: 'replace', done: 'replaced' },
  'replace-dbr': { symbol: '-+', plan: 'replace', done: 'replaced' },
  delete: { symbol: '-', plan: 'delete', done: 'deleted' },
  'read-gone': { symbol: '-', plan: 'delete', done: 'deleted' },
  'delete-original': { symbol: '-', plan: 'delete original', done: 'deleted original' },
};
// The deleted original of a create-before-delete replacement is part of its replace, not counted again.
const COUNTED_AS = { 'replace-dbr': 'replace', 'read-gone': 'delete', 'delete-original': null };
const SUMMARY_ORDER = [['create', 'to create', 'created'], ['update', 'to update', 'updated'], ['replace', 'to replace', 'replaced'], ['delete', 'to delete', 'deleted']];
const KIND_SYMBOL = { add: '+', 'add-replace': '+', delete: '-', 'delete-replace': '-', update: '~', 'update-replace': '~' };

/** `type (name)` from `urn:pulumi:<stack>::<project>::<type>::<name>`. */
function nameFromUrn(urn) {
  const parts = (urn ?? '').split('::');
  return parts.length >= 4 ? `${parts[2].split('$').pop()} (${parts.slice(3).join('::')})` : 'mini-engine';
}

class Renderer {
  /** `write(line)` prints one line; `dryRun` picks "to create" over "created"; `verbose` shows debug logs. */
  constructor({ write, dryRun, verbose = false, rows = [] }) {
    this.write = write;
    this.dryRun = dryRun;
    this.verbose = verbose;
    this.typeWidth = Math.max(0, ...rows.map((r) => r.type.length));
    this.nameWidth = Math.max(0, ...rows.map((r) => r.name.length));
    this.counts = { create: 0, update: 0, replace: 0, delete: 0, same: 0 };
    this.diagnostics = [];
    this.names = new Map();
  }

  /** Column widths from every { type, name } the run may print. */
  setRows(rows) {
    this.typeWidth = Math.max(this.typeWidth, ...rows.map((r) => r.type.length));
    this.nameWidth = Math.max(this.nameWidth, ...rows.map((r) => r.name.length));
  }

  header(text) {
    this.write(text);
  }

  /** A step: op is a key of OPS; `lines` are detail lines already formatted. */
  step({ op, type, name, urn, keys = [], lines = [] }) {
    this.names.set(urn, `${type} (${name})`);
    const kind = op in COUNTED_AS ? COUNTED_AS[op] : op;
    if (kind) {
      this.counts[kind] += 1; // the deleted original of a replacement is part of the replace
    }
    const info = OPS[op];
    const label = this.dryRun ? info.plan : info.done;
    const suffix = keys.length > 0 ? ` [diff: ${keys.join(', ')}]` : '';
    this.write(` ${info.symbol.padEnd(3)}${type.padEnd(this.typeWidth)}  ${name.padEnd(this.nameWidth)}  ${label}${suffix}`.trimEnd());
    lines.forEach((line) => this.write(`        ${line}`));
  }

  log({ severity, message, urn, ephemeral }) {
    if (ephemeral || (severity === 'debug' && !this.verbose)) {
      return;
    }
    this.diagnostics.push({ severity, message, urn });
  }

  error(message, urn = '') {
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

/** Lines for a detailed diff: `~ path: old => new`, replacement paths flagged. */
function diffLines(detailedDiff, olds, news) {
  const paths = Object.keys(detailedDiff).sort();
  const width = Math.max(0, ...paths.map((p) => p.length));
  return paths.map((path) => {
    const { kind } = detailedDiff[path];
    const before = valueAt(olds, path);
    const after = valueAt(news, path);
    const replace = kind.endsWith('replace') ? ' (forces replacement)' : '';
    let text;
    if (kind.startsWith('add')) {
      text = formatValue(after);
    } else if (kind.startsWith('delete')) {
      text = formatValue(before);
    } else {
      text = `${formatValue(before)} => ${formatValue(after)}`;
    }
    return `${KIND_SYMBOL[kind]} ${path.padEnd(width)}: ${text}${replace}`;
  });
}

module.exports = { Renderer, createLines, diffLines };
