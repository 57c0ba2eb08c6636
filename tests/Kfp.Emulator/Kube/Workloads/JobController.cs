using System.Globalization;
using System.Text.Json.Nodes;

namespace Kfp.Emulator.Kube.Workloads;

/// <summary>
/// The emulator's stand-in for the Job controller: a new Job gets one pod (labels, owner reference, the template's
/// spec), and the Job's status follows that pod (active, then succeeded or failed with a condition). One attempt per
/// Job: <c>backoffLimit</c> is not honoured. Callers hold the store's gate.
/// </summary>
internal sealed class JobController(KubeStore store, ObjectWriter writer)
{
    private const string Manager = "kube-controller-manager";
    private const string NameAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    public void OnJobAdded(JsonObject job)
    {
        var ns = KubeJson.String(KubeJson.Metadata(job), "namespace")!;
        var name = KubeJson.Name(job);
        var uid = KubeJson.String(KubeJson.Metadata(job), "uid")!;
        var template = job["spec"]?["template"] as JsonObject ?? [];
        var podName = $"{(name.Length > 57 ? name[..57] : name)}-{Suffix()}";
        var pod = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Pod",
            ["metadata"] = new JsonObject
            {
                ["name"] = podName,
                ["generateName"] = name + "-",
                ["namespace"] = ns,
                ["labels"] = template["metadata"]?["labels"]?.DeepClone() ?? new JsonObject(),
                ["annotations"] = template["metadata"]?["annotations"]?.DeepClone(),
                ["ownerReferences"] = new JsonArray(new JsonObject
                {
                    ["apiVersion"] = "batch/v1",
                    ["kind"] = "Job",
                    ["name"] = name,
                    ["uid"] = uid,
                    ["controller"] = true,
                    ["blockOwnerDeletion"] = true,
                }),
            },
            ["spec"] = template["spec"]?.DeepClone() ?? new JsonObject(),
            ["status"] = new JsonObject { ["phase"] = "Pending", ["qosClass"] = "BestEffort" },
        };
        if (pod["metadata"]!["annotations"] is null)
        {
            ((JsonObject)pod["metadata"]!).Remove("annotations");
        }
        writer.Write(ResourceType.Pods, null, pod, Manager, dryRun: false);
        UpdateJob(ns, name, status =>
        {
            status["active"] = 1;
            status["startTime"] = writer.Now();
            status["ready"] = 0;
            status["terminating"] = 0;
        });
    }

    /// <summary>The pod finished: the owning Job is succeeded or failed.</summary>
    public void OnPodFinished(JsonObject pod, bool succeeded)
    {
        var owner = (KubeJson.Metadata(pod)["ownerReferences"] as JsonArray)?.OfType<JsonObject>()
            .FirstOrDefault(o => KubeJson.String(o, "kind") == "Job");
        if (owner is null)
        {
            return;
        }
        var ns = KubeJson.String(KubeJson.Metadata(pod), "namespace")!;
        var now = writer.Now();
        UpdateJob(ns, KubeJson.String(owner, "name")!, status =>
        {
            status.Remove("active");
            status[succeeded ? "succeeded" : "failed"] = 1;
            status["ready"] = 0;
            if (succeeded)
            {
                status["completionTime"] = now;
            }
            status["conditions"] = new JsonArray(
                Condition(succeeded ? "SuccessCriteriaMet" : "FailureTarget", succeeded ? "CompletionsReached" : "BackoffLimitExceeded", now),
                Condition(succeeded ? "Complete" : "Failed", succeeded ? "CompletionsReached" : "BackoffLimitExceeded", now));
        });
    }

    /// <summary>Pods a Job owns (for propagation on delete).</summary>
    public List<JsonObject> PodsOf(string ns, string jobUid) =>
        store.List(ResourceType.Pods, ns).Where(p => (KubeJson.Metadata(p)["ownerReferences"] as JsonArray)?.OfType<JsonObject>()
            .Any(o => KubeJson.String(o, "uid") == jobUid) == true).ToList();

    private static JsonObject Condition(string type, string reason, string now) => new()
    {
        ["type"] = type,
        ["status"] = "True",
        ["reason"] = reason,
        ["lastProbeTime"] = now,
        ["lastTransitionTime"] = now,
    };

    private void UpdateJob(string ns, string name, Action<JsonObject> edit)
    {
        if (store.Get(ResourceType.Jobs, ns, name) is not { } old)
        {
            return;
        }
        var updated = KubeJson.Clone(old);
        var status = updated["status"] as JsonObject ?? [];
        updated["status"] = status;
        edit(status);
        writer.Write(ResourceType.Jobs, old, updated, Manager, dryRun: false);
    }

    private static string Suffix() =>
        string.Create(5, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = NameAlphabet[Random.Shared.Next(NameAlphabet.Length)];
            }
        }).ToString(CultureInfo.InvariantCulture);
}
