using System.Text.Json.Nodes;

namespace Kfp.Emulator.Kube.Workloads;

/// <summary>
/// What the API server does to a new <c>batch/v1</c> Job: validates the pod template and fills in the defaults
/// (selector on the controller uid, template labels, backoffLimit 6, completions and parallelism 1).
/// </summary>
internal static class JobDefaults
{
    public const string ControllerUidLabel = "batch.kubernetes.io/controller-uid";
    public const string LegacyControllerUidLabel = "controller-uid";
    public const string JobNameLabel = "batch.kubernetes.io/job-name";
    public const string LegacyJobNameLabel = "job-name";

    public static void Validate(JsonObject job)
    {
        var errors = new List<FieldError>();
        var template = job["spec"]?["template"] as JsonObject;
        var podSpec = template?["spec"] as JsonObject;
        if (podSpec?["containers"] is not JsonArray { Count: > 0 } containers)
        {
            errors.Add(FieldError.Required("spec.template.spec.containers", ""));
        }
        else
        {
            for (var i = 0; i < containers.Count; i++)
            {
                if (string.IsNullOrEmpty(KubeJson.String(containers[i] as JsonObject, "name")))
                {
                    errors.Add(FieldError.Required($"spec.template.spec.containers[{i}].name", ""));
                }
                if (string.IsNullOrEmpty(KubeJson.String(containers[i] as JsonObject, "image")))
                {
                    errors.Add(FieldError.Required($"spec.template.spec.containers[{i}].image", ""));
                }
            }
        }
        var restart = KubeJson.String(podSpec, "restartPolicy");
        if (restart is not ("Never" or "OnFailure"))
        {
            errors.Add(restart is null
                ? FieldError.Required("spec.template.spec.restartPolicy", "")
                : FieldError.NotSupported("spec.template.spec.restartPolicy", restart, "\"OnFailure\", \"Never\""));
        }
        if (errors.Count > 0)
        {
            throw KubeError.Invalid(ResourceType.Jobs, KubeJson.Name(job), errors);
        }
    }

    /// <summary>Defaults of a created Job; <paramref name="job"/> already has its uid.</summary>
    public static void Apply(JsonObject job)
    {
        var meta = KubeJson.Metadata(job);
        var uid = KubeJson.String(meta, "uid") ?? "";
        var name = KubeJson.Name(job);
        var spec = job["spec"] as JsonObject ?? [];
        job["spec"] = spec;
        spec["parallelism"] ??= 1;
        spec["completions"] ??= 1;
        spec["backoffLimit"] ??= 6;
        spec["completionMode"] ??= "NonIndexed";
        spec["suspend"] ??= false;
        spec["manualSelector"] ??= null;
        spec.Remove("manualSelector");
        spec["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { [ControllerUidLabel] = uid } };
        var template = spec["template"] as JsonObject ?? [];
        var templateMeta = template["metadata"] as JsonObject ?? [];
        template["metadata"] = templateMeta;
        var labels = templateMeta["labels"] as JsonObject ?? [];
        templateMeta["labels"] = labels;
        labels[ControllerUidLabel] = uid;
        labels[LegacyControllerUidLabel] = uid;
        labels[JobNameLabel] = name;
        labels[LegacyJobNameLabel] = name;
        var jobLabels = meta["labels"] as JsonObject ?? [];
        meta["labels"] = jobLabels;
        jobLabels[ControllerUidLabel] ??= uid;
        jobLabels[LegacyControllerUidLabel] ??= uid;
        jobLabels[JobNameLabel] ??= name;
        jobLabels[LegacyJobNameLabel] ??= name;
        job["status"] ??= new JsonObject();
    }
}
