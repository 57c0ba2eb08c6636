using Kfp.Kube.Json;

namespace Kfp.Kube.Tests.Support;

/// <summary>KubernetesClient's models are mutable classes: tests edit a deep copy where they used record <c>with</c>.</summary>
public static class ModelCopies
{
    public static T With<T>(this T obj, Action<T> edit)
        where T : class
    {
        var copy = KubeJson.Clone(obj);
        edit(copy);
        return copy;
    }
}
