namespace Kfp.Kube.Config;

/// <summary>A kubeconfig that cannot be used; the message names the file, the field and the fix.</summary>
public sealed class KubeConfigException : Exception
{
    public KubeConfigException()
        : this("the kubeconfig is not usable")
    {
    }

    public KubeConfigException(string message)
        : base(message)
    {
    }

    public KubeConfigException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
