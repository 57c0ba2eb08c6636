using Google.Protobuf.WellKnownTypes;
using Kfp.Provider.Protocol.Grpc;
using Kfp.Provider.Protocol.Values;
using Kfp.Provider.Protocol.Wire;

namespace Kfp.Provider.Tests.Lifecycle;

/// <summary>Calls a running provider over real gRPC, the way the engine does, with property maps in and out.</summary>
internal sealed class ProviderClient(GrpcUnaryClient grpc)
{
    private const string Service = "/pulumirpc.ResourceProvider/";

    public Task<TResponse> CallAsync<TResponse>(string method, Google.Protobuf.IMessage request, Google.Protobuf.MessageParser<TResponse> parser)
        where TResponse : Google.Protobuf.IMessage<TResponse> =>
        grpc.CallAsync(Service + method, request, parser, CancellationToken.None);

    public Task<ConfigureResponse> ConfigureAsync(PropertyMap args) =>
        CallAsync("Configure", new ConfigureRequest { Args = PropertyValueCodec.ToStruct(args), AcceptSecrets = true, AcceptResources = true }, ConfigureResponse.Parser);

    public Task<CheckResponse> CheckAsync(string urn, PropertyMap olds, PropertyMap news, byte[]? seed = null) =>
        CallAsync("Check", new CheckRequest
        {
            Urn = urn,
            Olds = PropertyValueCodec.ToStruct(olds),
            News = PropertyValueCodec.ToStruct(news),
            RandomSeed = Google.Protobuf.ByteString.CopyFrom(seed ?? [1, 2, 3, 4, 5, 6, 7, 8]),
        }, CheckResponse.Parser);

    public Task<DiffResponse> DiffAsync(string urn, string id, PropertyMap oldOutputs, PropertyMap oldInputs, PropertyMap news) =>
        CallAsync("Diff", new DiffRequest
        {
            Urn = urn,
            Id = id,
            Olds = PropertyValueCodec.ToStruct(oldOutputs),
            OldInputs = PropertyValueCodec.ToStruct(oldInputs),
            News = PropertyValueCodec.ToStruct(news),
        }, DiffResponse.Parser);

    public Task<CreateResponse> CreateAsync(string urn, PropertyMap inputs, bool preview) =>
        CallAsync("Create", new CreateRequest { Urn = urn, Properties = PropertyValueCodec.ToStruct(inputs), Preview = preview }, CreateResponse.Parser);

    public Task<ReadResponse> ReadAsync(string urn, string id, PropertyMap? outputs, PropertyMap? inputs)
    {
        var request = new ReadRequest { Urn = urn, Id = id };
        if (outputs is not null)
        {
            request.Properties = PropertyValueCodec.ToStruct(outputs);
        }
        if (inputs is not null)
        {
            request.Inputs = PropertyValueCodec.ToStruct(inputs);
        }
        return CallAsync("Read", request, ReadResponse.Parser);
    }

    public Task<UpdateResponse> UpdateAsync(string urn, string id, PropertyMap oldOutputs, PropertyMap oldInputs, PropertyMap news, bool preview) =>
        CallAsync("Update", new UpdateRequest
        {
            Urn = urn,
            Id = id,
            Olds = PropertyValueCodec.ToStruct(oldOutputs),
            OldInputs = PropertyValueCodec.ToStruct(oldInputs),
            News = PropertyValueCodec.ToStruct(news),
            Preview = preview,
        }, UpdateResponse.Parser);

    public Task<Empty> DeleteAsync(string urn, string id, PropertyMap outputs, PropertyMap inputs) =>
        CallAsync("Delete", new DeleteRequest
        {
            Urn = urn,
            Id = id,
            Properties = PropertyValueCodec.ToStruct(outputs),
            OldInputs = PropertyValueCodec.ToStruct(inputs),
        }, Empty.Parser);
}
