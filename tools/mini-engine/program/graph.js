'use strict';
// The program's dependency graph: variables and resources are nodes; `${...}` references and
// dependsOn are edges. Ordered topologically (ties keep declaration order); a cycle is an error.
const { EngineError } = require('../errors.js');
const { references } = require('./expressions.js');

function nodesOf(program) {
  const nodes = [];
  for (const v of program.variables) {
    nodes.push({ kind: 'variable', name: v.name, refs: [...references(v.node)] });
  }
  for (const r of program.resources) {
    const refs = new Set([...r.options.dependsOn, ...(r.options.provider ? [r.options.provider] : [])]);
    r.properties.forEach(([, node]) => references(node, refs));
    nodes.push({ kind: 'resource', name: r.name, refs: [...refs] });
  }
  return nodes;
}

function findCycle(byName, start) {
  const stack = [];
  const onStack = new Set();
  const done = new Set();
  const visit = (name) => {
    if (onStack.has(name)) {
      return [...stack.slice(stack.indexOf(name)), name];
    }
    if (done.has(name)) {
      return null;
    }
    stack.push(name);
    onStack.add(name);
    for (const dep of byName.get(name).deps) {
      const cycle = visit(dep);
      if (cycle) {
        return cycle;
      }
    }
    stack.pop();
    onStack.delete(name);
    done.add(name);
    return null;
  };
  return visit(start);
}

/** Returns the nodes in dependency order, each with `deps` (the node names it needs first). */
function orderProgram(program) {
  const nodes = nodesOf(program);
  const byName = new Map(nodes.map((n) => [n.name, n]));
  for (const n of nodes) {
    n.deps = n.refs.filter((r) => byName.has(r) && r !== n.name);
    if (n.refs.includes(n.name)) {
      throw new EngineError(`${n.kind} '${n.name}' refers to itself; a ${n.kind} cannot use its own outputs`);
    }
  }
  const ordered = [];
  const placed = new Set();
  while (ordered.length < nodes.length) {
    const next = nodes.find((n) => !placed.has(n.name) && n.deps.every((d) => placed.has(d)));
    if (!next) {
      const stuck = nodes.find((n) => !placed.has(n.name));
      const cycle = findCycle(byName, stuck.name) ?? [stuck.name];
      throw new EngineError(`the program has a dependency cycle: ${cycle.join(' -> ')}; break it by removing one of these references`);
    }
    placed.add(next.name);
    ordered.push(next);
  }
  return ordered;
}

module.exports = { orderProgram };
