'use strict';
// A small KFP IR file written from a description, for tests that change one thing in a pipeline at a time:
// tasks { name: { image, args, after } }, root parameters { name: default }, Kubernetes settings per task.
const yaml = require('js-yaml');

function ir({ tasks, parameters = {}, kubernetes }) {
  const spec = {
    components: {},
    deploymentSpec: { executors: {} },
    pipelineInfo: { name: 'reviewed' },
    root: { dag: { tasks: {} } },
    schemaVersion: '2.1.0',
    sdkVersion: 'kfp-2.14.6',
  };
  for (const [name, t] of Object.entries(tasks)) {
    spec.components[`comp-${name}`] = { executorLabel: `exec-${name}` };
    spec.deploymentSpec.executors[`exec-${name}`] = { container: { image: t.image, command: ['python', '-m', name], args: t.args ?? [] } };
    spec.root.dag.tasks[name] = {
      componentRef: { name: `comp-${name}` },
      taskInfo: { name },
      cachingOptions: { enableCache: true },
      ...(t.after ? { dependentTasks: t.after } : {}),
    };
  }
  if (Object.keys(parameters).length > 0) {
    spec.root.inputDefinitions = { parameters: Object.fromEntries(Object.entries(parameters).map(([k, v]) => [k, { parameterType: 'STRING', defaultValue: v }])) };
  }
  const docs = [spec];
  if (kubernetes) {
    const executors = Object.fromEntries(Object.entries(kubernetes).map(([task, config]) => [`exec-${task}`, config]));
    docs.push({ platforms: { kubernetes: { deploymentSpec: { executors } } } });
  }
  return docs.map((d) => yaml.dump(d)).join('---\n');
}

/** Two tasks (train, then evaluate), one parameter, a node selector on train. */
const BASE = {
  tasks: { train: { image: 'trainer:v1', args: ['--epochs', '3'] }, evaluate: { image: 'evaluator:v1', after: ['train'] } },
  parameters: { greeting: 'hello' },
  kubernetes: { train: { nodeSelector: { labels: { pool: 'cpu' } } } },
};

/** BASE with `change(copy)` applied to a deep copy. */
const changed = (change) => {
  const copy = structuredClone(BASE);
  change(copy);
  return copy;
};

module.exports = { ir, BASE, changed };
