namespace Kfp.Kube.Client;

/// <summary>Secret types and keys the provider writes (the server checks them, see <c>kubernetes.io/dockerconfigjson</c>).</summary>
public static class SecretTypes
{
    public const string DockerConfigJson = "kubernetes.io/dockerconfigjson";
    public const string DockerConfigJsonKey = ".dockerconfigjson";
}
