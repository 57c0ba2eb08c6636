using System.Collections.Concurrent;
using Kfp.Compiler;

namespace Kfp.Provider.Resources;

/// <summary>
/// The Frameworks this program declares, as their Check saw them (one provider process serves one program). A Pipeline
/// compiles with the program's own definition of a framework rather than what the cluster holds: what the program
/// declares is what its author approved, and what the cluster will hold once the Framework is created or updated. A
/// declaration whose inputs are not known yet (preview) still tells that the framework is the program's own.
/// </summary>
internal sealed class DeclaredFrameworks
{
    private readonly ConcurrentDictionary<(string Namespace, string Name), Declared> _declared = new();
    private readonly ConcurrentDictionary<(string? Urn, string Framework), bool> _warned = new();

    /// <summary>A framework the program declares; <see cref="Definition"/> is null while its inputs are unknown.</summary>
    public sealed record Declared(FrameworkDefinition? Definition, string? Digest);

    public void Declare(string ns, string name, FrameworkDefinition? definition) =>
        _declared[(ns, name)] = new Declared(definition, definition is null ? null : FrameworkDigest.Compute(definition));

    /// <summary>True the first time a missing framework is reported for a resource, so it is warned about once.</summary>
    public bool FirstWarning(string? urn, string framework) => _warned.TryAdd((urn, framework), true);

    public Declared? Find(string ns, string name) => _declared.TryGetValue((ns, name), out var declared) ? declared : null;
}
