using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Kfp.Compiler;

/// <summary>What to compile and how.</summary>
/// <param name="Source">
/// The pipeline source: a file, or a directory (a Python package with its modules) whose entry file is <see cref="EntryPoint"/>;
/// a relative path is resolved from <see cref="BaseDirectory"/>.
/// </param>
public sealed record CompileRequest(string Source)
{
    /// <summary>Directory relative sources are resolved from (e.g. the Pulumi program's directory). Default: the current directory.</summary>
    public string? BaseDirectory { get; init; }

    /// <summary>
    /// For a directory source: the entry file, relative to the directory (<c>{source}</c> in a framework's command).
    /// Default: the first of <c>pipeline.py</c>, <c>__main__.py</c>, <c>pipeline.yaml</c>, <c>pipeline.yml</c>, <c>pipeline.json</c> that exists.
    /// </summary>
    public string? EntryPoint { get; init; }

    /// <summary>
    /// A framework digest (<see cref="FrameworkDigest"/>) the program approved for this compile, e.g. the one recorded in the
    /// Pipeline's state or output by the Framework resource of the same program; trusted in addition to the compiler's
    /// <see cref="PipelineCompilerOptions.Trust"/>.
    /// </summary>
    public string? ApprovedFrameworkDigest { get; init; }

    /// <summary>A built-in framework name (<see cref="BuiltInFrameworks"/>); null to use <see cref="ExternalFramework"/> or to choose from the file.</summary>
    public string? Framework { get; init; }

    /// <summary>An external framework to run; takes precedence over <see cref="Framework"/> when set.</summary>
    public FrameworkDefinition? ExternalFramework { get; init; }

    /// <summary>Framework parameters; override the framework's defaults. Nodes are never changed.</summary>
    public ImmutableSortedDictionary<string, JsonNode?> FrameworkParameters { get; init; } = ImmutableSortedDictionary<string, JsonNode?>.Empty;

    /// <summary>Extra environment variables for an external framework (override the framework's).</summary>
    public ImmutableSortedDictionary<string, string> Env { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>Image pull secret names injected into every container executor of the compiled spec.</summary>
    public ImmutableArray<string> ImagePullSecrets { get; init; } = [];
}
