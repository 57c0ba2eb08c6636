namespace Kfp.Kube.Client;

/// <summary>List filters and paging: <c>labelSelector</c> (e.g. <c>app.kubernetes.io/managed-by=pulumi-kfp</c>), <c>fieldSelector</c>, <c>limit</c>, <c>continue</c>.</summary>
public sealed record ListOptions
{
    public string? LabelSelector { get; init; }

    public string? FieldSelector { get; init; }

    public int? Limit { get; init; }

    public string? Continue { get; init; }

    /// <summary>A selector that matches all the given labels (keys in ordinal order, so it is deterministic).</summary>
    public static ListOptions WithLabels(IReadOnlyDictionary<string, string> labels) =>
        new() { LabelSelector = string.Join(",", labels.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}")) };
}
