"""A TFX-style pipeline that compiles itself to KFP IR: `python3 pipeline.py --output FILE --parameters JSON`.

A real project builds `tfx.dsl.Pipeline(...)` here and runs `KubeflowV2DagRunner(config, output_filename=FILE)`; this
stand-in writes the same kind of IR with the standard library, so the example runs without TFX installed.
"""
import argparse
import json

from components import STEPS, component

parser = argparse.ArgumentParser()
parser.add_argument("--output", required=True)
parser.add_argument("--parameters", default="{}")
args = parser.parse_args()
beam_args = json.loads(args.parameters).get("beamArgs", [])

tasks = {}
for i, step in enumerate(STEPS):
    task = {"componentRef": {"name": f"comp-{step}"}, "taskInfo": {"name": step}}
    if i > 0:
        task["dependentTasks"] = [STEPS[i - 1]]
    tasks[step] = task

ir = {
    "pipelineInfo": {"name": "chicago-taxi"},
    "schemaVersion": "2.1.0",
    "sdkVersion": "tfx-1.15.0",
    "components": {f"comp-{s}": {"executorLabel": f"exec-{s}"} for s in STEPS},
    "deploymentSpec": {"executors": {f"exec-{s}": component(s, beam_args) for s in STEPS}},
    "root": {"dag": {"tasks": tasks}},
}
with open(args.output, "w", encoding="utf-8") as out:
    json.dump(ir, out, indent=2)
