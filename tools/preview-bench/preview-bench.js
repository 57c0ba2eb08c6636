#!/usr/bin/env node
'use strict';
// tools/preview-bench [--resources N] [--json]: what a no-op `pulumi preview` of a big stack costs the provider.
// Starts bin/kfp-emulator and bin/pulumi-resource-kfp (the plugin users get after `make build`), configures it as the
// engine does, then measures with Pulumi's own gRPC client (tests/conformance harness):
//   1. the Check round trip of an Experiment (median of 2,000 sequential calls, client to client);
//   2. N Experiments (default 1,000) created once, then a no-op preview: Check and Diff per resource, 8 at a time,
//      reporting the plugin's CPU per resource (/proc/<pid>/stat utime+stime), the emulator's GETs per resource and
//      writes (its request log, GET /_emulator/requests), and the plugin's peak RSS (VmHWM);
//   3. a Pipeline Check of a generated 1 MB spec: the first (cold compile) and the median of later (cached) ones,
//      and the peak RSS after it; then the same spec written as YAML (a second cold compile in the same process) and
//      the peak RSS after both.
// The whole sequence runs --runs times (default 3), each with a fresh emulator and plugin; every figure is the median
// over the runs (the range follows it). Prints one line per figure with its target; exits 1 when a median misses its
// target (times are wall clock on the machine as it is: read them with the load average printed first).
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startProvider, startEmulator } = require('../../tests/conformance/harness.js');
const { session } = require('../../tests/conformance/lib/session.js');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : fallback;
};
const RESOURCES = Number.parseInt(option('--resources', '1000'), 10);
const CHECK_CALLS = Number.parseInt(option('--check-calls', '2000'), 10);
const RUNS = Number.parseInt(option('--runs', '3'), 10);
const PARALLEL = 8;
const EXPERIMENT = 'kfp:index:Experiment';
const PIPELINE = 'kfp:index:Pipeline';
const CLOCK_TICK_MS = 1000 / Number.parseInt(require('node:child_process').execSync('getconf CLK_TCK').toString(), 10);

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const now = () => Number(process.hrtime.bigint()) / 1e6;

/** utime + stime of a process, in milliseconds. */
function cpuMs(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * CLOCK_TICK_MS;
}

/** A memory figure of a process from /proc/<pid>/status (VmHWM: peak resident set; VmRSS: resident now), in MB. */
function statusMb(pid, field) {
  const line = fs.readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith(`${field}:`));
  return Number.parseInt(line.split(/\s+/)[1], 10) / 1024;
}

const peakRssMb = (pid) => statusMb(pid, 'VmHWM');

/** Runs fn(i) for i in [0, count) with at most `parallel` in flight. */
async function pool(count, parallel, fn) {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      await fn(i);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}

/** A valid KFP IR pipeline of about 1 MB: a chain of container tasks (the benchmarks' LargeSpec). */
function largeSpec(tasks = 1600) {
  const components = {};
  const executors = {};
  const dag = {};
  for (let i = 0; i < tasks; i++) {
    components[`comp-step-${i}`] = {
      executorLabel: `exec-step-${i}`,
      inputDefinitions: { parameters: { message: { parameterType: 'STRING' } } },
    };
    executors[`exec-step-${i}`] = {
      container: {
        image: `registry.example/team/step:${i % 7}`,
        command: ['sh', '-c'],
        args: [`echo step ${i} of a generated pipeline used to measure compile time; {{$.inputs.parameters['message']}}`],
      },
    };
    dag[`step-${i}`] = {
      componentRef: { name: `comp-step-${i}` },
      inputs: { parameters: { message: { runtimeValue: { constant: `message ${i}` } } } },
      taskInfo: { name: `step-${i}` },
      ...(i > 0 ? { dependentTasks: [`step-${i - 1}`] } : {}),
    };
  }
  return {
    components,
    deploymentSpec: { executors },
    pipelineInfo: { name: 'large-generated' },
    root: { dag: { tasks: dag } },
    schemaVersion: '2.1.0',
    sdkVersion: 'kfp-2.9.0',
  };
}

/** Block-style YAML of a JSON value (scalars double-quoted as JSON writes them, which YAML reads the same). */
function toYaml(value, indent = '') {
  if (Array.isArray(value)) {
    return value.length === 0 ? ' []' : value.map((item) => `\n${indent}-${toYaml(item, `${indent}  `).replace(/^\n\s*/, ' ')}`).join('');
  }
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value);
    return keys.length === 0 ? ' {}' : keys.map((key) => `\n${indent}${JSON.stringify(key)}:${toYaml(value[key], `${indent}  `)}`).join('');
  }
  return ` ${JSON.stringify(value)}`;
}

async function emulatorRequests(endpoint, reset) {
  const response = await fetch(`${endpoint}/_emulator/requests${reset ? '?reset=true' : ''}`);
  if (!response.ok) {
    throw new Error(`GET /_emulator/requests: ${response.status}`);
  }
  return (await response.json()).requests;
}

function assertNoFailures(answer) {
  if (answer.failures.length > 0) {
    throw new Error(`Check failed: ${answer.trace}`);
  }
  return answer;
}

/** One run of the whole sequence with a fresh emulator and plugin; report(name, value, unit, target, meets) per figure. */
async function runOnce(report) {
  const emulator = await startEmulator();
  const plugin = await startProvider();
  const s = session(plugin);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kfp-preview-bench-'));
  try {
    await s.handshake('127.0.0.1:1', work);
    const version = await s.pluginInfo();
    const config = assertNoFailures(await s.checkConfig({ host: emulator.endpoints.kfp, kubeconfig: emulator.endpoints.kubeconfig, version }));
    await s.configure(config.inputs);
    report('RSS once configured, idle (VmRSS)', statusMb(plugin.child.pid, 'VmRSS'), 'MB', '(none)', () => true);

    // 1. The Check round trip of an Experiment.
    const news = { name: 'bench-check', description: 'a Check round trip' };
    for (let i = 0; i < 200; i++) {
      assertNoFailures(await s.check({ type: EXPERIMENT, name: 'bench-check', news }));
    }
    const times = [];
    for (let i = 0; i < CHECK_CALLS; i++) {
      const start = now();
      await s.check({ type: EXPERIMENT, name: 'bench-check', news });
      times.push(now() - start);
    }
    const checkMedian = median(times);
    report('Check round trip, Experiment (median)', checkMedian, 'ms', '<= 0.5 ms', (v) => v <= 0.5);

    // 2. N resources created once, then a no-op preview.
    const resources = new Array(RESOURCES);
    await pool(RESOURCES, PARALLEL, async (i) => {
      const name = `bench-${i}`;
      const inputs = { name: `preview-bench-${i}-${process.pid}`, description: `resource ${i}` };
      const checked = assertNoFailures(await s.check({ type: EXPERIMENT, name, news: inputs }));
      const created = await s.create({ type: EXPERIMENT, name, properties: checked.inputs });
      resources[i] = { name, inputs, checkedInputs: checked.inputs, id: created.id, outputs: created.properties };
    });
    await emulatorRequests(emulator.endpoints.kfp, true);
    const cpuBefore = cpuMs(plugin.child.pid);
    const start = now();
    let changed = 0;
    await pool(RESOURCES, PARALLEL, async (i) => {
      const r = resources[i];
      const checked = assertNoFailures(await s.check({ type: EXPERIMENT, name: r.name, olds: r.checkedInputs, news: r.inputs }));
      const diff = await s.diff({ type: EXPERIMENT, name: r.name, id: r.id, olds: r.outputs, news: checked.inputs, oldInputs: r.checkedInputs });
      changed += diff.changes === 'DIFF_SOME' ? 1 : 0;
    });
    const wallMs = now() - start;
    const cpuPerResource = (cpuMs(plugin.child.pid) - cpuBefore) / RESOURCES;
    const requests = (await emulatorRequests(emulator.endpoints.kfp, false)).filter((r) => r.path.startsWith('/apis/'));
    const gets = requests.filter((r) => r.method === 'GET').length;
    const writes = requests.length - gets;
    report(`no-op preview of ${RESOURCES}: plugin CPU per resource`, cpuPerResource, 'ms', '<= 0.5 ms', (v) => v <= 0.5);
    report(`no-op preview of ${RESOURCES}: wall time per resource`, wallMs / RESOURCES, 'ms', '(none)', () => true);
    report(`no-op preview of ${RESOURCES}: GETs per resource`, gets / RESOURCES, '', '1', (v) => v === 1);
    report(`no-op preview of ${RESOURCES}: writes`, writes, '', '0', (v) => v === 0);
    report(`no-op preview of ${RESOURCES}: resources with changes`, changed, '', '0', (v) => v === 0);
    report(`peak RSS after ${RESOURCES} resources (VmHWM)`, peakRssMb(plugin.child.pid), 'MB', '<= 80 MB', (v) => v <= 80);

    // 3. A Pipeline Check of a 1 MB spec: cold, then cached.
    const source = path.join(work, 'large.json');
    fs.writeFileSync(source, JSON.stringify(largeSpec()));
    const pipelineNews = { name: 'large-generated', source };
    let begin = now();
    const first = assertNoFailures(await s.check({ type: PIPELINE, name: 'large', news: pipelineNews }));
    report('Pipeline Check of a 1 MB spec (JSON), first (cold compile)', now() - begin, 'ms', '(none; see make bench)', () => true);
    const cached = [];
    const cachedCpuBefore = cpuMs(plugin.child.pid);
    for (let i = 0; i < 50; i++) {
      begin = now();
      // As in a preview after `up`: the old inputs are what Check answered last time, view included.
      assertNoFailures(await s.check({ type: PIPELINE, name: 'large', olds: first.inputs, news: pipelineNews }));
      cached.push(now() - begin);
    }
    const cachedMedian = median(cached);
    const cachedCpu = (cpuMs(plugin.child.pid) - cachedCpuBefore) / cached.length;
    // The 2 ms target is the round trip, measured by GrpcCheckBenchmarks (a client with wide HTTP/2 windows, the answer
    // kept as bytes). Node's client reads in 64 KiB windows, so the plugin's CPU here is mostly HTTP/2 framing.
    report('Pipeline Check of a 1 MB spec, cached: plugin CPU (mean)', cachedCpu, 'ms', '(see GrpcCheckBenchmarks)', () => true);
    report('Pipeline Check of a 1 MB spec, cached: round trip (median)', cachedMedian, 'ms', '(the client decodes the task list)', () => true);
    report('peak RSS after the 1 MB spec too (VmHWM)', peakRssMb(plugin.child.pid), 'MB', '<= 80 MB', (v) => v <= 80);

    // 4. The same spec as YAML: a second cold compile (another source file), through the YAML loader.
    const yamlSource = path.join(work, 'large.yaml');
    fs.writeFileSync(yamlSource, `${toYaml(largeSpec()).trimStart()}\n`);
    begin = now();
    assertNoFailures(await s.check({ type: PIPELINE, name: 'large-yaml', news: { name: 'large-generated', source: yamlSource } }));
    report('Pipeline Check of a 1 MB spec (YAML), first (cold compile)', now() - begin, 'ms', '(none; see make bench)', () => true);
    report('peak RSS after the 1 MB spec as YAML too (VmHWM)', peakRssMb(plugin.child.pid), 'MB', '<= 80 MB', (v) => v <= 80);
  } finally {
    await plugin.stop();
    await emulator.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

async function main() {
  const json = args.includes('--json');
  const [load1] = os.loadavg();
  if (!json) {
    console.log(`load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores; ${RUNS} run(s), medians over the runs`);
  }

  const figures = new Map();
  for (let run = 0; run < RUNS; run++) {
    await runOnce((name, value, unit, target, meets) => {
      const figure = figures.get(name) ?? { name, unit, target, meets, values: [] };
      figure.values.push(value);
      figures.set(name, figure);
    });
  }

  const results = [...figures.values()].map(({ name, unit, target, meets, values }) => {
    const value = median(values);
    return { name, value, unit, target, ok: meets(value), runs: values };
  });
  for (const { name, value, unit, target, ok, runs } of json ? [] : results) {
    const digits = unit === 'ms' ? 3 : 2;
    const range = runs.length > 1 ? `  (${Math.min(...runs).toFixed(digits)} to ${Math.max(...runs).toFixed(digits)})` : '';
    console.log(`${name.padEnd(60)} ${value.toFixed(digits).padStart(10)} ${unit.padEnd(4)} target ${target}${ok ? '' : '  MISSED'}${range}`);
  }
  if (json) {
    console.log(JSON.stringify({ loadAverage: load1, resources: RESOURCES, runs: RUNS, figures: results }));
  }
  process.exitCode = results.every((f) => f.ok) ? 0 : 1;
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 2;
});
