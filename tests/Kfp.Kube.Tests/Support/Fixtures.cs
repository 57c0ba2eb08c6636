namespace Kfp.Kube.Tests.Support;

/// <summary>Paths of the kubeconfig fixture files copied next to the test assembly.</summary>
public static class Fixtures
{
    public static string Root { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", "kubeconfig");

    public static string Path(string relative) => System.IO.Path.Combine(Root, relative);
}
