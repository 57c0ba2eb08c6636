import * as pulumi from "@pulumi/pulumi";
import * as kfp from "@pulumi-kfp/kfp";

const config = new pulumi.Config();
const epochs = config.getNumber("epochs") ?? 5;

// Compiling alone registers nothing: a broken definition fails here, during preview.
const compiled = kfp.compilePipelineOutput({ source: "pipeline.yaml" });

const experiment = new kfp.Experiment("training", {
    description: "Nightly training runs",
});

const pipeline = new kfp.Pipeline("training", {
    source: "pipeline.yaml",
    description: "Nightly training",
    keepVersions: 5,
});

const nightly = new kfp.RecurringRun("nightly", {
    description: "Train every night at 03:00",
    pipelineId: pipeline.pipelineId, // no pipelineVersionId: each run takes the latest version
    experimentId: experiment.experimentId,
    cron: "0 3 * * *", // 5 fields; stored in KFP's seconds-first form
    parameters: { epochs },
});

export const experimentId = experiment.experimentId;
export const pipelineId = pipeline.pipelineId;
export const pipelineName = compiled.pipelineName;
export const specHash = pipeline.specHash;
export const recurringRunId = nightly.recurringRunId;
export const status = nightly.status;
