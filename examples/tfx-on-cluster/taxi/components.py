"""The pipeline's components. In a real TFX project these are ExampleGen, Trainer, Pusher and friends."""

IMAGE = "gcr.io/tfx-oss-public/tfx:1.15.0"

STEPS = ["example-gen", "trainer", "pusher"]


def component(step, beam_args):
    """A TFX component as one KFP container executor, with the Beam arguments every component gets."""
    return {
        "container": {
            "image": IMAGE,
            "command": ["python", "-m", "tfx.orchestration.kubeflow.v2.container.kubeflow_v2_run_executor"],
            "args": ["--component", step, *beam_args],
        }
    }
