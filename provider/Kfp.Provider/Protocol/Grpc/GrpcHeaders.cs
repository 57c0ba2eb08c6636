namespace Kfp.Provider.Protocol.Grpc;

/// <summary>Header and trailer names and values of the gRPC-over-HTTP/2 protocol.</summary>
internal static class GrpcHeaders
{
    public const string ContentType = "application/grpc";
    public const string Status = "grpc-status";
    public const string Message = "grpc-message";
    public const string StatusDetails = "grpc-status-details-bin";
    public const string Encoding = "grpc-encoding";
    public const string Timeout = "grpc-timeout";
    public const string TE = "te";
    public const string Trailers = "trailers";

    /// <summary>The largest message either side accepts: 400 MiB, as the Pulumi engine allows.</summary>
    public const int MaxMessageSize = 400 * 1024 * 1024;

    /// <summary>True for <c>application/grpc</c> and its <c>+proto</c>/parameterised forms.</summary>
    public static bool IsGrpcContentType(string? contentType) =>
        contentType is not null
        && contentType.StartsWith(ContentType, StringComparison.OrdinalIgnoreCase)
        && (contentType.Length == ContentType.Length || contentType[ContentType.Length] is '+' or ';');
}
