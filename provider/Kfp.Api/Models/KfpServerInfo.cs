namespace Kfp.Api.Models;

/// <summary>What the connected KFP server supports, detected from healthz (and adjusted from its answers).</summary>
/// <param name="TagName">Release reported by healthz, e.g. <c>2.5.0</c>; empty when unknown.</param>
/// <param name="MultiUser">Multi-user mode: namespaces and experiment ids are required.</param>
/// <param name="Modern">KFP 2.14 or later (grpc-gateway v2): pipeline/version <c>name</c>, cascade delete,
/// unknown JSON fields rejected. False for KFP 2.5 (Kubeflow 1.10) and older.</param>
public sealed record KfpServerInfo(string TagName, bool MultiUser, bool Modern)
{
    public bool SupportsPipelineNames => Modern;

    public bool SupportsCascadeDelete => Modern;

    public bool RejectsUnknownFields => Modern;

    public static KfpServerInfo From(KfpHealth health)
    {
        var tag = health.TagName.TrimStart('v');
        var dash = tag.IndexOfAny(['-', '+']);
        var modern = Version.TryParse(dash < 0 ? tag : tag[..dash], out var version)
            ? version >= new Version(2, 14)
            : health.PipelineStore.Length > 0; // "dev"/"unknown" builds: pipeline_store exists since ~2.14
        return new KfpServerInfo(health.TagName, health.MultiUser, modern);
    }
}
