'use strict';
// A resource's detailed diff as people read it. The engine looks the values up itself: old values in
// the old state (outputs over inputs), new values in the new inputs, at each path the provider listed
// (as the Pulumi engine does). A path whose old and new values are both maps or lists is expanded to
// the entries that changed, so `parameters` reads as `parameters.greeting`. Two renderings:
// - flat lines, one per changed path: `~ tasks["train"].image: "a" => "b"` (the default output);
// - nested blocks, as `pulumi preview --diff` prints them: `~ tasks: {` / `~ train: {` / `~ image: ...`.
const values = require('../values.js');
const { formatValue, valueAt, splitPath, formatPath } = require('./format.js');

const SYMBOL = { add: '+', delete: '-', update: '~' };
const baseKind = (kind) => kind.replace('-replace', '');
const isContainer = (v) => (Array.isArray(v) || values.isObject(v)) && !values.isSecret(v) && !values.isResourceRef(v);

/** Path text of keys below a path: `.a`, `[0]`, `["a.b"]`. */
const suffixPath = (keys) => keys.map((k) => (typeof k === 'number' ? `[${k}]` : /^[A-Za-z0-9_]+$/.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`)).join('');

/** Leaf changes between two maps or two lists: [{ keys, kind }] with keys relative to them. */
function deepChanges(before, after, prefix = []) {
  if (Array.isArray(before) !== Array.isArray(after)) {
    return [{ keys: prefix, kind: 'update' }];
  }
  const keys = Array.isArray(before)
    ? [...Array(Math.max(before.length, after.length)).keys()]
    : [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const out = [];
  for (const key of keys) {
    const has = (o) => (Array.isArray(o) ? key < o.length : Object.prototype.hasOwnProperty.call(o, key) && o[key] !== undefined);
    const [a, b] = [before[key], after[key]];
    if (!has(before)) {
      out.push({ keys: [...prefix, key], kind: 'add' });
    } else if (!has(after)) {
      out.push({ keys: [...prefix, key], kind: 'delete' });
    } else if (isContainer(a) && isContainer(b) && Array.isArray(a) === Array.isArray(b)) {
      out.push(...deepChanges(a, b, [...prefix, key]));
    } else if (!values.deepEqual(a, b)) {
      out.push({ keys: [...prefix, key], kind: 'update' });
    }
  }
  return out;
}

/**
 * The changes to show: [{ path, keys, kind, replace, before, after }], sorted by path. `detailedDiff`
 * maps provider paths to { kind }; `olds` and `news` are the objects the values are looked up in.
 */
function propertyChanges(detailedDiff, olds, news) {
  const out = [];
  const seen = new Set();
  const push = (change) => {
    const key = formatPath(change.keys);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(change);
    }
  };
  // Which of a change's enclosing maps and lists exist on both sides: those print as `~ name: {` whatever changed inside.
  const enclosing = (keys) => keys.slice(0, -1).map((_, i) => {
    const at = formatPath(keys.slice(0, i + 1));
    return valueAt(olds, at) !== undefined && valueAt(news, at) !== undefined;
  });
  for (const path of Object.keys(detailedDiff)) {
    const { kind } = detailedDiff[path];
    const replace = kind.endsWith('replace');
    const keys = splitPath(path);
    const before = valueAt(olds, path);
    const after = valueAt(news, path);
    if (baseKind(kind) === 'update' && isContainer(before) && isContainer(after)) {
      const inner = deepChanges(before, after);
      if (inner.length > 0) {
        inner.forEach((c) => {
          const all = [...keys, ...c.keys];
          push({ path: path + suffixPath(c.keys), keys: all, kind: c.kind, replace, before: valueAt(olds, formatPath(all)), after: valueAt(news, formatPath(all)), both: enclosing(all) });
        });
        continue;
      }
    }
    push({ path, keys, kind: baseKind(kind), replace, before, after, both: enclosing(keys) });
  }
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

function valueText({ kind, before, after }) {
  if (kind === 'add') {
    return formatValue(after);
  }
  if (kind === 'delete') {
    return formatValue(before);
  }
  return `${formatValue(before)} => ${formatValue(after)}`;
}

/** `~ path: old => new`, one line per change, paths aligned; replacements say so. */
function flatLines(changes) {
  const width = Math.max(0, ...changes.map((c) => c.path.length));
  return changes.map((c) => `${SYMBOL[c.kind]} ${c.path.padEnd(width)}: ${valueText(c)}${c.replace ? ' (forces replacement)' : ''}`);
}

/** Nested blocks as `pulumi preview --diff` prints them; `indent` is the column of the first symbol. */
function nestedLines(changes, indent = 0) {
  const root = { children: new Map() };
  for (const change of changes) {
    let node = root;
    change.keys.forEach((key, i) => {
      if (!node.children.has(key)) {
        node.children.set(key, { key, children: new Map(), kinds: new Set() });
      }
      node = node.children.get(key);
      node.kinds.add(change.kind);
      node.both = node.both || (change.both?.[i] ?? false);
      if (i === change.keys.length - 1) {
        node.change = change;
      }
    });
  }
  const lines = [];
  const label = (key) => (typeof key === 'number' ? `[${key}]` : key);
  const render = (node, depth) => {
    const entries = [...node.children.values()];
    const width = Math.max(0, ...entries.map((e) => label(e.key).length));
    const pad = ' '.repeat(indent + depth * 4);
    for (const entry of entries) {
      const name = label(entry.key).padEnd(width);
      if (entry.change && entry.children.size === 0) {
        lines.push(`${pad}${SYMBOL[entry.change.kind]} ${name}: ${valueText(entry.change)}${entry.change.replace ? ' (forces replacement)' : ''}`);
        continue;
      }
      // A map or list on both sides was updated (entries added or removed inside it), as the Pulumi CLI prints it.
      const symbol = entry.kinds.size === 1 && !entry.both ? SYMBOL[[...entry.kinds][0]] : '~';
      const list = [...entry.children.keys()].every((k) => typeof k === 'number');
      lines.push(`${pad}${symbol} ${name}: ${list ? '[' : '{'}`);
      render(entry, depth + 1);
      lines.push(`${pad}  ${list ? ']' : '}'}`);
    }
  };
  render(root, 0);
  return lines;
}

module.exports = { propertyChanges, flatLines, nestedLines, deepChanges };
