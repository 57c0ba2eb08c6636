using System.Text.Json;

namespace Kfp.Api.Models;

/// <summary>Run inputs: typed JSON parameter values (checked by the server against the IR) and the pipeline root.</summary>
public sealed record RuntimeConfig
{
    public IReadOnlyDictionary<string, JsonElement>? Parameters { get; init; }

    public string? PipelineRoot { get; init; }
}
