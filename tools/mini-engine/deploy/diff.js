'use strict';
// What a DiffResponse means for the engine: no change, an in-place update, or a
// replacement, with the detailed diff to show and whether to delete before replacing.
const values = require('../values.js');
const { splitPath } = require('../display/format.js');

const topLevel = (path) => String(splitPath(path)[0] ?? path);

/** The engine's own input diff, used when the provider answers DIFF_UNKNOWN. */
function inputDiff(oldInputs, newInputs) {
  const detailed = {};
  for (const key of new Set([...Object.keys(oldInputs), ...Object.keys(newInputs)])) {
    if (key.startsWith('__') || values.deepEqual(oldInputs[key], newInputs[key])) {
      continue;
    }
    detailed[key] = { kind: !(key in oldInputs) ? 'add' : !(key in newInputs) ? 'delete' : 'update', inputDiff: true };
  }
  return detailed;
}

/**
 * `diff` is a Provider#diff result; `replaceOnChanges` the option (plus the schema's flags).
 * Returns { kind: 'same'|'update'|'replace', detailedDiff, keys, replaceKeys, deleteBeforeReplace }.
 */
function interpretDiff(diff, oldInputs, newInputs, replaceOnChanges) {
  let detailed;
  let changes = diff.changes;
  if (changes === 'unknown') {
    detailed = inputDiff(oldInputs, newInputs);
    changes = Object.keys(detailed).length > 0 ? 'some' : 'none';
  } else if (diff.hasDetailedDiff) {
    detailed = diff.detailedDiff;
  } else {
    detailed = {};
    diff.diffs.forEach((k) => { detailed[k] = { kind: diff.replaces.includes(k) ? 'update-replace' : 'update', inputDiff: true }; });
  }
  if (changes === 'none') {
    return { kind: 'same', detailedDiff: {}, keys: [], replaceKeys: [], deleteBeforeReplace: false };
  }
  const changedKeys = [...new Set([...diff.diffs, ...Object.keys(detailed).map(topLevel)])].sort();
  const replaceKeys = new Set(diff.replaces.map(topLevel));
  Object.entries(detailed).filter(([, d]) => d.kind.endsWith('replace')).forEach(([p]) => replaceKeys.add(topLevel(p)));
  changedKeys.filter((k) => replaceOnChanges.includes(k) || replaceOnChanges.includes('*')).forEach((k) => replaceKeys.add(k));
  for (const key of replaceKeys) {
    for (const [path, d] of Object.entries(detailed)) {
      if (topLevel(path) === key && !d.kind.endsWith('replace')) {
        detailed[path] = { ...d, kind: `${d.kind}-replace` };
      }
    }
  }
  const marks = { add: '+', delete: '-', update: '~' };
  const keys = changedKeys.map((k) => {
    const kinds = Object.entries(detailed).filter(([p]) => topLevel(p) === k).map(([, d]) => d.kind.replace('-replace', ''));
    return `${marks[kinds.length === 1 ? kinds[0] : 'update'] ?? '~'}${k}`;
  });
  return {
    kind: replaceKeys.size > 0 ? 'replace' : 'update',
    detailedDiff: detailed,
    keys,
    replaceKeys: [...replaceKeys].sort(),
    deleteBeforeReplace: diff.deleteBeforeReplace,
  };
}

module.exports = { interpretDiff };
