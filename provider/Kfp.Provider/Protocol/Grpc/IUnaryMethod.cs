using Google.Protobuf;

namespace Kfp.Provider.Protocol.Grpc;

/// <summary>One unary gRPC method served at <see cref="Path"/> (<c>/package.Service/Method</c>).</summary>
internal interface IUnaryMethod
{
    string Path { get; }

    /// <summary>Parses the request bytes, runs the handler and returns the response message.</summary>
    Task<IMessage> InvokeAsync(byte[] request, CancellationToken ct);
}
