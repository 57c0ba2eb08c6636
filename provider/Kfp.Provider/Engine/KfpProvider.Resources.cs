using Google.Protobuf.WellKnownTypes;
using Kfp.Provider.Protocol.Values;
using Kfp.Provider.Protocol.Wire;

namespace Kfp.Provider.Engine;

internal sealed partial class KfpProvider
{
    public override async Task<CheckResponse> CheckAsync(CheckRequest request, CancellationToken cancellationToken)
    {
        var (type, identity) = ResourceIdentityParser.Parse(request.Urn, request.Type, request.Name);
        var resource = ResourceFor(type);
        var news = PropertyValueCodec.FromStruct(request.News);
        var context = new CheckContext(identity, PropertyValueCodec.FromStruct(request.Olds).Select(v => v.Plain), news.Select(v => v.Plain),
            request.RandomSeed.Memory);
        var result = await EngineErrors.Guard(identity, "check", () => resource.CheckAsync(context, cancellationToken));
        var response = new CheckResponse { Inputs = PropertyValueCodec.ToStruct(SecretMarker.Mark(resource.Definition, news, result.Inputs)) };
        response.Failures.AddRange(result.Failures.Select(f => new Kfp.Provider.Protocol.Wire.CheckFailure { Property = f.Property, Reason = f.Reason }));
        return response;
    }

    public override async Task<DiffResponse> DiffAsync(DiffRequest request, CancellationToken cancellationToken)
    {
        var (type, identity) = ResourceIdentityParser.Parse(request.Urn, request.Type, request.Name);
        var resource = ResourceFor(type);
        var context = new DiffContext(identity, request.Id, Plain(request.Olds), Plain(request.OldInputs), Plain(request.News));
        var live = await ReadLiveAsync(resource, identity, context, cancellationToken);
        var result = Differ.Diff(resource.Definition, context, live);
        foreach (var (path, change) in result.Changes.Where(c => !c.Value.InputDiff))
        {
            await _log.LogAsync(LogSeverity.Warning,
                path == resource.Definition.IdProperty
                    ? $"{identity.Name} was deleted outside Pulumi; it will be created again"
                    : $"{identity.Name}: '{path}' was changed outside Pulumi; the update sets it back",
                identity.Urn, false, cancellationToken);
        }
        return WireDiff.ToResponse(result);
    }

    public override async Task<CreateResponse> CreateAsync(CreateRequest request, CancellationToken cancellationToken)
    {
        var (type, identity) = ResourceIdentityParser.Parse(request.Urn, request.Type, request.Name);
        var resource = ResourceFor(type);
        var inputs = PropertyValueCodec.FromStruct(request.Properties);
        if (request.Preview)
        {
            var preview = resource.Definition.ComputedOutputs.Aggregate(inputs, (map, spec) => map.With(spec.Name, PropertyValue.Unknown));
            return new CreateResponse { Properties = PropertyValueCodec.ToStruct(SecretMarker.Mark(resource.Definition, inputs, preview)) };
        }
        var context = new CreateContext(identity, inputs.Select(v => v.Plain), Timeout(request.Timeout));
        var created = await EngineErrors.Guard(identity, "create", () => resource.CreateAsync(context, cancellationToken), resource.Definition, inputs);
        return new CreateResponse { Id = created.Id, Properties = Outputs(resource, inputs, created.Outputs) };
    }

    public override async Task<ReadResponse> ReadAsync(ReadRequest request, CancellationToken cancellationToken)
    {
        var (type, identity) = ResourceIdentityParser.Parse(request.Urn, request.Type, request.Name);
        var resource = ResourceFor(type);
        var oldOutputs = PropertyValueCodec.FromStruct(request.Properties);
        var oldInputs = PropertyValueCodec.FromStruct(request.Inputs);
        var context = new ReadContext(identity, request.Id, oldOutputs.Select(v => v.Plain), oldInputs.Select(v => v.Plain));
        var live = await EngineErrors.Guard(identity, "read", () => resource.ReadAsync(context, cancellationToken));
        if (live is null)
        {
            return new ReadResponse();
        }
        return new ReadResponse
        {
            Id = live.Id,
            Properties = Outputs(resource, Merge(oldInputs, oldOutputs), live.Outputs),
            Inputs = PropertyValueCodec.ToStruct(SecretMarker.Mark(resource.Definition, Merge(oldInputs, oldOutputs), live.Inputs)),
        };
    }

    public override async Task<UpdateResponse> UpdateAsync(UpdateRequest request, CancellationToken cancellationToken)
    {
        var (type, identity) = ResourceIdentityParser.Parse(request.Urn, request.Type, request.Name);
        var resource = ResourceFor(type);
        var news = PropertyValueCodec.FromStruct(request.News);
        var context = new UpdateContext(identity, request.Id, Plain(request.Olds), Plain(request.OldInputs), news.Select(v => v.Plain), Timeout(request.Timeout));
        var outputs = request.Preview
            ? resource.PreviewUpdate(context)
            : await EngineErrors.Guard(identity, "update", () => resource.UpdateAsync(context, cancellationToken), resource.Definition, news, request.Id);
        return new UpdateResponse { Properties = Outputs(resource, news, outputs, allowUnknowns: request.Preview) };
    }

    public override async Task<Empty> DeleteAsync(DeleteRequest request, CancellationToken cancellationToken)
    {
        var (type, identity) = ResourceIdentityParser.Parse(request.Urn, request.Type, request.Name);
        var resource = ResourceFor(type);
        var context = new DeleteContext(identity, request.Id, Plain(request.Properties), Plain(request.OldInputs));
        await EngineErrors.Guard(identity, "delete", async () =>
        {
            await resource.DeleteAsync(context, cancellationToken);
            return true;
        });
        return new Empty();
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
            await _log.LogAsync(LogSeverity.Debug, $"{identity.Name}: live state not read, diffing against recorded state only: {e.Message}",
                identity.Urn, false, cancellationToken);
            return new LiveState.NotRead(e.Message);
        }
    }

    private static Struct Outputs(Resource resource, PropertyMap secretSource, PropertyMap outputs, bool allowUnknowns = false)
    {
        if (!allowUnknowns && outputs.Values.Any(v => v.ContainsUnknowns))
        {
            throw new InvalidOperationException($"{resource.Definition.Token} returned unknown outputs outside preview; this is a bug in the provider");
        }
        return PropertyValueCodec.ToStruct(SecretMarker.Mark(resource.Definition, secretSource, outputs));
    }

    private static PropertyMap Merge(PropertyMap a, PropertyMap b) =>
        b.Aggregate(a, (map, p) => map.ContainsKey(p.Key) && map.Get(p.Key).ContainsSecrets ? map : map.With(p.Key, p.Value));

    private static PropertyMap Plain(Struct? value) => PropertyValueCodec.FromStruct(value).Select(v => v.Plain);

    private static TimeSpan? Timeout(double seconds) => seconds > 0 ? TimeSpan.FromSeconds(seconds) : null;
}
