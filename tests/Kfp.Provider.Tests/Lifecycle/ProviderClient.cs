using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using Kfp.Provider.Protocol.Grpc;
using Kfp.Provider.Protocol.Values;
using Kfp.Provider.Protocol.Wire;

namespace Kfp.Provider.Tests.Lifecycle;

/// <summary>
/// Calls a running provider over real gRPC with the generated client, the way the engine does, with property maps
/// in and out. A failed call throws <see cref="GrpcCallException"/> (code, message and decoded status details).
/// </summary>
internal sealed class ProviderClient(GrpcChannel channel)
{
    private static readonly Marshaller<Google.Protobuf.IMessage> RequestMarshaller = Marshallers.Create<Google.Protobuf.IMessage>(
        m => Google.Protobuf.MessageExtensions.ToByteArray(m), _ => throw new NotSupportedException("requests are only sent"));

    private readonly ResourceProvider.ResourceProviderClient _client = new(channel);

    /// <summary>A channel to a provider on a loopback port, with the engine's message size limits.</summary>
    public static GrpcChannel Channel(int port) => GrpcChannel.ForAddress($"http://127.0.0.1:{port}", new GrpcChannelOptions
    {
        MaxReceiveMessageSize = GrpcServer.MaxMessageSize,
        MaxSendMessageSize = GrpcServer.MaxMessageSize,
    });

    /// <summary>Any unary RPC of the service by name, for calls the typed helpers below do not cover.</summary>
    public Task<TResponse> CallAsync<TResponse>(string method, Google.Protobuf.IMessage request, Google.Protobuf.MessageParser<TResponse> parser)
        where TResponse : class, Google.Protobuf.IMessage<TResponse>
    {
        var responses = Marshallers.Create<TResponse>(_ => throw new NotSupportedException("responses are only received"), parser.ParseFrom);
        var unary = new Method<Google.Protobuf.IMessage, TResponse>(MethodType.Unary, "pulumirpc.ResourceProvider", method, RequestMarshaller, responses);
        return Call(channel.CreateCallInvoker().AsyncUnaryCall(unary, null, new CallOptions(), request));
    }

    public Task<ConfigureResponse> ConfigureAsync(PropertyMap args) =>
        Call(_client.ConfigureAsync(new ConfigureRequest { Args = PropertyValueCodec.ToStruct(args), AcceptSecrets = true, AcceptResources = true }));

    public Task<CheckResponse> CheckAsync(string urn, PropertyMap olds, PropertyMap news, byte[]? seed = null) =>
        Call(_client.CheckAsync(new CheckRequest
        {
            Urn = urn,
            Olds = PropertyValueCodec.ToStruct(olds),
            News = PropertyValueCodec.ToStruct(news),
            RandomSeed = Google.Protobuf.ByteString.CopyFrom(seed ?? [1, 2, 3, 4, 5, 6, 7, 8]),
        }));

    public Task<DiffResponse> DiffAsync(string urn, string id, PropertyMap oldOutputs, PropertyMap oldInputs, PropertyMap news) =>
        Call(_client.DiffAsync(new DiffRequest
        {
            Urn = urn,
            Id = id,
            Olds = PropertyValueCodec.ToStruct(oldOutputs),
            OldInputs = PropertyValueCodec.ToStruct(oldInputs),
            News = PropertyValueCodec.ToStruct(news),
        }));

    public Task<CreateResponse> CreateAsync(string urn, PropertyMap inputs, bool preview) =>
        Call(_client.CreateAsync(new CreateRequest { Urn = urn, Properties = PropertyValueCodec.ToStruct(inputs), Preview = preview }));

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
        return Call(_client.ReadAsync(request));
    }

    public Task<UpdateResponse> UpdateAsync(string urn, string id, PropertyMap oldOutputs, PropertyMap oldInputs, PropertyMap news, bool preview) =>
        Call(_client.UpdateAsync(new UpdateRequest
        {
            Urn = urn,
            Id = id,
            Olds = PropertyValueCodec.ToStruct(oldOutputs),
            OldInputs = PropertyValueCodec.ToStruct(oldInputs),
            News = PropertyValueCodec.ToStruct(news),
            Preview = preview,
        }));

    public Task<Empty> DeleteAsync(string urn, string id, PropertyMap outputs, PropertyMap inputs) =>
        Call(_client.DeleteAsync(new DeleteRequest
        {
            Urn = urn,
            Id = id,
            Properties = PropertyValueCodec.ToStruct(outputs),
            OldInputs = PropertyValueCodec.ToStruct(inputs),
        }));

    private static async Task<T> Call<T>(AsyncUnaryCall<T> call)
    {
        using (call)
        {
            try
            {
                return await call.ResponseAsync;
            }
            catch (RpcException e)
            {
                throw GrpcCallException.From(e);
            }
        }
    }
}
