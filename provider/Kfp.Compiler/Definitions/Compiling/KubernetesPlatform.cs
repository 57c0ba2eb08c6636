using System.Text.Json.Nodes;

namespace Kfp.Compiler.Definitions.Compiling;

/// <summary>
/// Carries a task's Kubernetes settings on its executor while the pipeline is compiled (so nested pipelines'
/// executor renames carry them along), then moves them into the PlatformSpec
/// <c>platforms.kubernetes.deploymentSpec.executors.&lt;label&gt;</c>.
/// </summary>
internal static class KubernetesPlatform
{
    private const string CarriedKey = "$kubernetes";

    public static void Attach(JsonObject executor, JsonObject? settings)
    {
        if (settings is not null)
        {
            executor[CarriedKey] = settings.DeepClone();
        }
    }

    /// <summary>Removes the carried settings from every executor; the PlatformSpec, or null when no task has any.</summary>
    public static JsonObject? Extract(JsonObject executors)
    {
        var platform = new JsonObject();
        foreach (var (label, executor) in executors)
        {
            if (executor is JsonObject obj && obj[CarriedKey] is JsonObject settings)
            {
                obj.Remove(CarriedKey);
                platform[label] = settings.DeepClone();
            }
        }

        return platform.Count == 0
            ? null
            : new JsonObject { ["platforms"] = new JsonObject { ["kubernetes"] = new JsonObject { ["deploymentSpec"] = new JsonObject { ["executors"] = platform } } } };
    }
}
