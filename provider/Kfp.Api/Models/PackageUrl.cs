namespace Kfp.Api.Models;

/// <summary>Where a version's spec was downloaded from (<c>package_url</c>).</summary>
public sealed record PackageUrl(string PipelineUrl);
