namespace Kfp.Kube.Models;

/// <summary>A Kubernetes object: apiVersion, kind and metadata.</summary>
public interface IKubeObject
{
    string ApiVersion { get; }

    string Kind { get; }

    ObjectMeta Metadata { get; }
}
