using Google.Protobuf;

namespace Kfp.Provider.Protocol.Grpc;

/// <summary>Binds a gRPC path to a typed handler.</summary>
internal sealed class UnaryMethod<TRequest, TResponse> : IUnaryMethod
    where TRequest : IMessage<TRequest>
    where TResponse : IMessage<TResponse>
{
    private readonly MessageParser<TRequest> _parser;
    private readonly Func<TRequest, CancellationToken, Task<TResponse>> _handler;

    public UnaryMethod(string path, MessageParser<TRequest> parser, Func<TRequest, CancellationToken, Task<TResponse>> handler)
    {
        Path = path;
        _parser = parser;
        _handler = handler;
    }

    public string Path { get; }

    public async Task<IMessage> InvokeAsync(byte[] request, CancellationToken ct)
    {
        TRequest message;
        try
        {
            message = _parser.ParseFrom(request);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new GrpcStatusException(
                StatusCode.Internal, $"cannot parse the {typeof(TRequest).Name} request of {Path}: {e.Message}", e);
        }

        return await _handler(message, ct);
    }
}
