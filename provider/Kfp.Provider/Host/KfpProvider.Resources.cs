using Kfp.Provider.Engine;
using Kfp.Provider.Protocol.Values;

namespace Kfp.Provider.Host;

internal sealed partial class KfpProvider
{
    public async Task<CheckResult> CheckAsync(ResourceCheck request, CancellationToken cancellationToken)
    {
        var (resource, identity) = ResourceFor(request.Address);
        var context = new CheckContext(identity, request.Olds.Select(v => v.Plain), request.News.Select(v => v.Plain), request.RandomSeed);
        var result = await EngineErrors.Guard(identity, "check", () => resource.CheckAsync(context, cancellationToken), kfpHost: Services.Config.Host);
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
        var created = await EngineErrors.Guard(identity, "create", () => resource.CreateAsync(context, cancellationToken), resource.Definition, inputs, kfpHost: Services.Config.Host);
        return created with { Outputs = Outputs(resource, inputs, created.Outputs) };
    }

    public async Task<ReadResult?> ReadAsync(ResourceRead request, CancellationToken cancellationToken)
    {
        var (resource, identity) = ResourceFor(request.Address);
        var context = new ReadContext(identity, request.Id, Plain(request.OldOutputs), Plain(request.OldInputs));
        var live = await EngineErrors.Guard(identity, "read", () => resource.ReadAsync(context, cancellationToken), kfpHost: Services.Config.Host);
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
            : await EngineErrors.Guard(identity, "update", () => resource.UpdateAsync(context, cancellationToken), resource.Definition, news, request.Id, Services.Config.Host);
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
        }, kfpHost: Services.Config.Host);
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
            await ReportBlindAsync(identity, e, cancellationToken);
            return new LiveState.NotRead(e.Message);
        }
    }

    /// <summary>
    /// A Diff that could not read the cluster compares with the recorded state only, so drift goes unseen. The first
    /// one warns (the API, the reason and this resource), later ones are listed at info level, so one blind preview
    /// gives one warning; with <c>kfp:failOnBlindPreview</c> the Diff fails instead.
    /// </summary>
    private async Task ReportBlindAsync(ResourceIdentity identity, Exception e, CancellationToken cancellationToken)
    {
        var problem = AccessProblem.Of(e, Services.Config.Host);
        var api = problem?.Api ?? e switch
        {
            Kfp.Api.KfpApiException => $"the KFP API at {Services.Config.Host}",
            Kfp.Kube.Http.KubeApiException => "the Kubernetes API",
            _ => "the cluster",
        };
        var fix = problem is null ? "" : $" Fix {problem.Keys}, or";
        if (Services.Config.FailOnBlindPreview)
        {
            throw new ProviderException(ProviderErrorKind.Unavailable,
                $"{identity.Name}: cannot compare with the live object, {api} could not be read: {e.Message} " +
                $"kfp:failOnBlindPreview is set, so this preview fails rather than pass without seeing the cluster.{fix} unset kfp:failOnBlindPreview to compare with the recorded state only.");
        }
        if (Interlocked.Exchange(ref _blindWarned, 1) == 0)
        {
            await _log.LogAsync(LogLevel.Warning,
                $"preview could not read {api}: {e.Message} Not compared with the live cluster, so drift is not shown for: {identity.Name}" +
                " and each resource reported after this as \"not compared either\". Set kfp:failOnBlindPreview to make this an error.",
                "", false, cancellationToken);
        }
        else
        {
            await _log.LogAsync(LogLevel.Info, $"{identity.Name}: not compared with the live cluster either: {api} could not be read",
                identity.Urn, false, cancellationToken);
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
