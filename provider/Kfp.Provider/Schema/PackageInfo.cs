namespace Kfp.Provider.Schema;

/// <summary>The package's identity: one version for GetPluginInfo, the schema and the plugin folder.</summary>
internal static class PackageInfo
{
    public const string Name = "kfp";
    public const string Version = "0.1.0";
    public const string DisplayName = "Kubeflow Pipelines";
    public const string Description =
        "Manage Kubeflow Pipelines as code: pipeline frameworks, pipelines compiled during preview and registered as " +
        "content-addressed versions, experiments, recurring runs, image registries and image pull secrets.";
}
