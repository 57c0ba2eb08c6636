using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Kfp.Provider.Engine;
using Kfp.Provider.Protocol.Values;
using Kfp.Provider.Protocol.Wire;

namespace Kfp.Provider.Protocol.Grpc;

internal sealed partial class ResourceProviderService
{
    public override Task<CheckResponse> Check(CheckRequest request, ServerCallContext context) =>
        Run(context, async ct => ToResponse(await _provider.CheckAsync(
            new ResourceCheck(Address(request.Urn, request.Type, request.Name), request.Map(CheckRequest.OldsFieldNumber, request.Olds),
                request.Map(CheckRequest.NewsFieldNumber, request.News), request.RandomSeed.Memory), ct)));

    public override Task<DiffResponse> Diff(DiffRequest request, ServerCallContext context) =>
        Run(context, async ct => WireDiff.ToResponse(await _provider.DiffAsync(
            new ResourceDiff(Address(request.Urn, request.Type, request.Name), request.Id, request.Map(DiffRequest.OldsFieldNumber, request.Olds),
                request.Map(DiffRequest.OldInputsFieldNumber, request.OldInputs), request.Map(DiffRequest.NewsFieldNumber, request.News)), ct)));

    public override Task<CreateResponse> Create(CreateRequest request, ServerCallContext context) =>
        Run(context, async ct =>
        {
            var created = await _provider.CreateAsync(
                new ResourceCreate(Address(request.Urn, request.Type, request.Name), request.Map(CreateRequest.PropertiesFieldNumber, request.Properties),
                    Timeout(request.Timeout), request.Preview), ct);
            return new CreateResponse { Id = created.Id }.Carrying(CreateResponse.PropertiesFieldNumber, created.Outputs);
        });

    public override Task<ReadResponse> Read(ReadRequest request, ServerCallContext context) =>
        Run(context, async ct =>
        {
            var live = await _provider.ReadAsync(
                new ResourceRead(Address(request.Urn, request.Type, request.Name), request.Id, request.Map(ReadRequest.PropertiesFieldNumber, request.Properties),
                    request.Map(ReadRequest.InputsFieldNumber, request.Inputs)), ct);
            return live is null
                ? new ReadResponse()
                : new ReadResponse { Id = live.Id }.Carrying(ReadResponse.PropertiesFieldNumber, live.Outputs).Carrying(ReadResponse.InputsFieldNumber, live.Inputs);
        });

    public override Task<UpdateResponse> Update(UpdateRequest request, ServerCallContext context) =>
        Run(context, async ct => new UpdateResponse().Carrying(UpdateResponse.PropertiesFieldNumber, await _provider.UpdateAsync(
            new ResourceUpdate(Address(request.Urn, request.Type, request.Name), request.Id, request.Map(UpdateRequest.OldsFieldNumber, request.Olds),
                request.Map(UpdateRequest.OldInputsFieldNumber, request.OldInputs), request.Map(UpdateRequest.NewsFieldNumber, request.News),
                Timeout(request.Timeout), request.Preview), ct)));

    public override Task<Empty> Delete(DeleteRequest request, ServerCallContext context) =>
        Run(context, async ct =>
        {
            await _provider.DeleteAsync(
                new ResourceDelete(Address(request.Urn, request.Type, request.Name), request.Id, request.Map(DeleteRequest.PropertiesFieldNumber, request.Properties),
                request.Map(DeleteRequest.OldInputsFieldNumber, request.OldInputs)), ct);
            return new Empty();
        });

    private static ResourceAddress Address(string urn, string type, string name) => new(urn, type, name);

    /// <summary>The engine's <c>customTimeouts</c> in seconds; 0 means none.</summary>
    private static TimeSpan? Timeout(double seconds) => seconds > 0 ? TimeSpan.FromSeconds(seconds) : null;
}
