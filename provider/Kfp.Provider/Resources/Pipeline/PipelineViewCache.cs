using System.Collections.Concurrent;
using Kfp.Compiler;

namespace Kfp.Provider.Resources;

/// <summary>
/// The view Check records (<see cref="PipelineView.Of"/>: tasks, parameters, Mermaid chart) of each spec, made once per
/// spec hash: the view is a function of the normalised spec, which the hash names. Without it every cached Check copied
/// the whole spec out of the compile cache and walked it again (about half a second for a 1 MB spec). Bounded: when it
/// holds <see cref="Capacity"/> views it starts over. Thread-safe.
/// </summary>
internal sealed class PipelineViewCache
{
    public const int Capacity = 256;

    private readonly ConcurrentDictionary<string, PipelineArgs> _views = new(StringComparer.Ordinal);

    public PipelineArgs Of(CompiledPipeline compiled)
    {
        if (_views.TryGetValue(compiled.SpecHash, out var view))
        {
            return view;
        }

        view = PipelineView.Of(compiled);
        if (_views.Count >= Capacity)
        {
            _views.Clear();
        }

        _views[compiled.SpecHash] = view;
        return view;
    }
}
