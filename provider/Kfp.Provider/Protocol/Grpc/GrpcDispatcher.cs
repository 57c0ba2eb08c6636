using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;

namespace Kfp.Provider.Protocol.Grpc;

/// <summary>
/// Serves unary gRPC calls on an HTTP/2 request: reads the framed request, runs the method with a
/// token linked to the request and to the host-wide <see cref="CallCancellation"/>, writes the framed
/// response and the status trailers. An unknown path answers UNIMPLEMENTED.
/// </summary>
internal sealed class GrpcDispatcher
{
    private readonly FrozenDictionary<string, IUnaryMethod> _methods;
    private readonly CallCancellation _cancellation;
    private readonly DiagnosticLog _log;
    private readonly int _maxMessageSize;

    public GrpcDispatcher(
        IEnumerable<IUnaryMethod> methods, CallCancellation cancellation, DiagnosticLog log, int maxMessageSize = GrpcHeaders.MaxMessageSize)
    {
        _methods = methods.ToFrozenDictionary(m => m.Path, StringComparer.Ordinal);
        _cancellation = cancellation;
        _log = log;
        _maxMessageSize = maxMessageSize;
    }

    public async Task DispatchAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        if (!HttpMethods.IsPost(request.Method) || !GrpcHeaders.IsGrpcContentType(request.ContentType))
        {
            response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = GrpcHeaders.ContentType;
        RpcStatus status;
        try
        {
            status = await InvokeAsync(context);
        }
        catch (Exception e)
        {
            status = GrpcExceptionMapper.ToStatus(e);
            if (GrpcExceptionMapper.IsUnexpected(e))
            {
                _log.Error($"{request.Path} failed", e);
            }
            else if (status.Code != StatusCode.Unimplemented)
            {
                _log.Info($"{request.Path} answered {status.Code}: {status.Message}");
            }
        }

        GrpcTrailers.Write(response, status);
    }

    private async Task<RpcStatus> InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        if (!_methods.TryGetValue(path, out var method))
        {
            throw new GrpcStatusException(StatusCode.Unimplemented, $"unknown method {path}");
        }

        using var call = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _cancellation.Token);
        var requestBytes = await GrpcFraming.ReadSingleAsync(context.Request.Body, _maxMessageSize, call.Token);
        var reply = await method.InvokeAsync(requestBytes, call.Token);
        var frame = GrpcFraming.Encode(reply);
        if (frame.Length - GrpcFraming.HeaderSize > _maxMessageSize)
        {
            throw new GrpcStatusException(
                StatusCode.ResourceExhausted,
                $"the response of {path} is {frame.Length - GrpcFraming.HeaderSize} bytes, over the limit of {_maxMessageSize}");
        }

        // Not the call token: Cancel cancels its own call token and must still answer OK.
        await context.Response.Body.WriteAsync(frame, context.RequestAborted);
        return RpcStatus.Ok;
    }
}
