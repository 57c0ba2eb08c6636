using Kfp.Emulator.Kfp.Core;

namespace Kfp.Emulator.Kfp.Pipelines;

/// <summary>Pipeline and version rules shared by the JSON and the upload endpoints. Callers hold the store's lock.</summary>
internal sealed class PipelineService(KfpStore store)
{
    public const int MaxPipelineName = 128;
    public const int MaxVersionName = 127;
    public const int MaxNamespace = 63;

    public PipelineRow Find(string id, string context) =>
        store.State.Pipelines.TryGetValue(id, out var row) ? row : throw KfpServerException.NotFound(context, "Pipeline", id);

    public VersionRow FindVersion(string id, string context) =>
        store.State.Versions.TryGetValue(id, out var row) ? row : throw KfpServerException.NotFound(context, "PipelineVersion", id);

    public IEnumerable<VersionRow> VersionsOf(string pipelineId) =>
        store.State.Versions.Values.Where(v => v.PipelineId == pipelineId);

    /// <summary>The version runs use when they name only the pipeline: greatest created_at, then latest inserted.</summary>
    public VersionRow? Latest(string pipelineId) =>
        VersionsOf(pipelineId).OrderByDescending(v => v.CreatedAt).ThenByDescending(v => v.Sequence).FirstOrDefault();

    /// <summary>Validates and stores a pipeline. <paramref name="lengthError"/> builds the error for a too-long name or namespace.</summary>
    public PipelineRow Create(string name, string displayName, string description, string ns, Dictionary<string, string>? tags, string context,
        Func<string, KfpServerException> lengthError)
    {
        if (!store.Settings.HasNames)
        {
            name = displayName.Length > 0 ? displayName : name;
        }
        name = name.Length > 0 ? name : displayName;
        displayName = displayName.Length > 0 ? displayName : name;
        if (name.Length == 0)
        {
            throw KfpServerException.InvalidInput(context, "Failed create to a pipeline due to empty name. Please specify a valid name");
        }
        if (name.Length > MaxPipelineName)
        {
            throw lengthError($"Pipeline.Name length cannot exceed {MaxPipelineName}");
        }
        if (ns.Length > MaxNamespace)
        {
            throw lengthError($"Namespace length cannot exceed {MaxNamespace}");
        }
        ns = store.StoredNamespace(ns);
        if (store.State.Pipelines.Values.Any(p => p.Name == name && p.Namespace == ns))
        {
            throw KfpServerException.AlreadyExists(context, $"Failed to create a new pipeline. The name {name} already exist. Please specify a new name");
        }
        var row = new PipelineRow
        {
            Id = store.NewId(),
            Name = name,
            DisplayName = displayName,
            Description = description,
            Namespace = ns,
            CreatedAt = store.Now(),
            Tags = store.Settings.HasTags ? tags : null,
        };
        store.State.Pipelines[row.Id] = row;
        return row;
    }

    public VersionRow CreateVersion(PipelineRow pipeline, string name, string displayName, string description, string spec,
        Dictionary<string, string>? tags, string context, Func<string, KfpServerException> lengthError)
    {
        if (!store.Settings.HasNames)
        {
            name = displayName.Length > 0 ? displayName : name;
        }
        name = name.Length > 0 ? name : displayName;
        displayName = displayName.Length > 0 ? displayName : name;
        if (name.Length == 0)
        {
            throw KfpServerException.InvalidInput(context, "Pipeline version name is required");
        }
        if (name.Length > MaxVersionName)
        {
            throw lengthError($"PipelineVersion.Name length cannot exceed {MaxVersionName}");
        }
        if (VersionsOf(pipeline.Id).Any(v => v.Name == name))
        {
            throw KfpServerException.AlreadyExists(context,
                $"Failed to create a new pipeline version. The name {name} already exist. Please specify a new name");
        }
        var row = new VersionRow
        {
            Id = store.NewId(),
            PipelineId = pipeline.Id,
            Name = name,
            DisplayName = displayName,
            Description = description,
            CreatedAt = store.Now(),
            Sequence = store.State.Sequence,
            Spec = spec,
            Tags = store.Settings.HasTags ? tags : null,
        };
        store.State.Versions[row.Id] = row;
        return row;
    }
}
