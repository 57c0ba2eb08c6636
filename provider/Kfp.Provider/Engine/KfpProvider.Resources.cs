using Kfp.Provider.Protocol.Values;

namespace Kfp.Provider.Engine;

internal sealed partial class KfpProvider
{
    public async Task<CheckResult> CheckAsync(ResourceCheck request, CancellationToken cancellationToken)
    {
        var (resource, identity) = ResourceFor(request.Address);
        var context = new CheckContext(identity, request.Olds.Select(v => v.Plain), request.News.Select(v => v.Plain), request.RandomSeed);
        var result = await EngineErrors.Guard(identity, "check", () => resource.CheckAsync(context, cancellationToken));
        return result with { Inputs = SecretMarker.Mark(resource.Definition, request.News, result.Inputs) };
    }

    public async Task<DiffResult> DiffAsync(ResourceDiff request, CancellationToken cancellationToken)
    {
        var (resource, identity) = ResourceFor(request.Address);
        var context = new DiffContext(identity, request.Id, Plain(request.OldOutputs), Plain(request.OldInputs), Plain(request.News));
        var live = await ReadLiveAsync(resource, identity, context, cancellationToken);
        var result = Differ.Diff(resource.Definition, context, live);
        foreach (var (path, change) in result.Changes.Where(c => !c.Value.InputDiff))
        {
            await _log.LogAsync(LogLevel.Warning,
                path == resource.Definition.IdProperty
                    ? $"{identity.Name} was deleted outside Pulumi; it will be created again"
                    : DriftMessage.For(identity.Name, path, resource.Definition.Find(path), live, request.News),
                identity.Urn, false, cancellationToken);
        }
        return result;
    }

    public async Task<CreateResult> CreateAsync(ResourceCreate request, CancellationToken cancellationToken)
    {
        var (resource, identity) = ResourceFor(request.Address);
        var inputs = request.Inputs;
        if (request.Preview)
        {
            var preview = resource.PreviewCreate(inputs);
            return new CreateResult("", SecretMarker.Mark(resource.Definition, inputs, preview));
        }
        var context = new CreateContext(identity, inputs.Select(v => v.Plain), request.Timeout);
        var created = await EngineErrors.Guard(identity, "create", () => resource.CreateAsync(context, cancellationToken), resource.Definition, inputs);
        return created with { Outputs = Outputs(resource, inputs, created.Outputs) };
    }

    public async Task<ReadResult?> ReadAsync(ResourceRead request, CancellationToken cancellationToken)
    {
        var (resource, identity) = ResourceFor(request.Address);
        var context = new ReadContext(identity, request.Id, Plain(request.OldOutputs), Plain(request.OldInputs));
        var live = await EngineErrors.Guard(identity, "read", () => resource.ReadAsync(context, cancellationToken));
        if (live is null)
        {
            return null;
        }
        var secretSource = Merge(request.OldInputs, request.OldOutputs);
        return live with
        {
            Outputs = Outputs(resource, secretSource, live.Outputs),
            Inputs = SecretMarker.Mark(resource.Definition, secretSource, live.Inputs),
        };
    }

    public async Task<PropertyMap> UpdateAsync(ResourceUpdate request, CancellationToken cancellationToken)
    {
        var (resource, identity) = ResourceFor(request.Address);
        var news = request.News;
        var context = new UpdateContext(identity, request.Id, Plain(request.OldOutputs), Plain(request.OldInputs), news.Select(v => v.Plain), request.Timeout);
        var outputs = request.Preview
            ? resource.PreviewUpdate(context)
            : await EngineErrors.Guard(identity, "update", () => resource.UpdateAsync(context, cancellationToken), resource.Definition, news, request.Id);
        return Outputs(resource, news, outputs, allowUnknowns: request.Preview);
    }

    public async Task DeleteAsync(ResourceDelete request, CancellationToken cancellationToken)
    {
        var (resource, identity) = ResourceFor(request.Address);
        var context = new DeleteContext(identity, request.Id, Plain(request.OldOutputs), Plain(request.OldInputs));
        await EngineErrors.Guard(identity, "delete", async () =>
        {
            await resource.DeleteAsync(context, cancellationToken);
            return true;
        });
    }

    /// <summary>At most one GET: the live object for drift, unless offline diff is on or the cluster cannot be asked.</summary>
    private async Task<LiveState> ReadLiveAsync(Resource resource, ResourceIdentity identity, DiffContext context, CancellationToken cancellationToken)
    {
        if (Services.Config.OfflineDiff || string.IsNullOrEmpty(context.Id))
        {
            return new LiveState.NotRead("offline diff");
        }
        try
        {
            var live = await resource.ReadLiveAsync(new ReadContext(identity, context.Id, context.OldOutputs, context.OldInputs), cancellationToken);
            return live is null ? new LiveState.Gone() : new LiveState.Found(live);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await _log.LogAsync(LogLevel.Debug, $"{identity.Name}: live state not read, diffing against recorded state only: {e.Message}",
                identity.Urn, false, cancellationToken);
            return new LiveState.NotRead(e.Message);
        }
    }

    private static PropertyMap Outputs(Resource resource, PropertyMap secretSource, PropertyMap outputs, bool allowUnknowns = false)
    {
        if (!allowUnknowns && outputs.Values.Any(v => v.ContainsUnknowns))
        {
            throw new InvalidOperationException($"{resource.Definition.Token} returned unknown outputs outside preview; this is a bug in the provider");
        }
        return SecretMarker.Mark(resource.Definition, secretSource, outputs);
    }

    private static PropertyMap Merge(PropertyMap a, PropertyMap b) =>
        b.Aggregate(a, (map, p) => map.ContainsKey(p.Key) && map.Get(p.Key).ContainsSecrets ? map : map.With(p.Key, p.Value));

    private static PropertyMap Plain(PropertyMap value) => value.Select(v => v.Plain);
}
