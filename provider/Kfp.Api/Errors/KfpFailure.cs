using System.Net;

namespace Kfp.Api;

/// <summary>The facts of one failed call, turned into a <see cref="KfpApiException"/> message.</summary>
internal sealed record KfpFailure(
    KfpErrorKind Kind,
    HttpStatusCode? StatusCode,
    int? GrpcCode,
    string ServerMessage,
    string Operation,
    string Endpoint,
    string? Subject)
{
    public string Describe()
    {
        var what = Subject is null ? Operation : $"{Operation} {Subject}";
        var status = StatusCode is { } s ? $"HTTP {(int)s} {Kind}" : Kind.ToString();
        var server = ServerMessage.Length == 0 ? "" : $": {ServerMessage}";
        return $"KFP could not {what}{server} ({status}, {Endpoint}). {Hint()}".TrimEnd();
    }

    private string Hint() => Kind switch
    {
        KfpErrorKind.NotFound => "It may have been deleted outside Pulumi; refresh to update the state.",
        KfpErrorKind.AlreadyExists => "Choose another name, or import the existing object.",
        KfpErrorKind.Unauthenticated => "Set kfp:token, kfp:tokenFile or kfp:headers (session cookie) so the request carries an identity.",
        KfpErrorKind.PermissionDenied => "Grant the identity access to the KFP profile namespace, or set kfp:namespace to one it can use.",
        KfpErrorKind.InvalidArgument or KfpErrorKind.FailedPrecondition => "Fix the inputs named in the message.",
        KfpErrorKind.Timeout => "The server did not answer in time; check kfp:host and the cluster, then retry.",
        KfpErrorKind.Network => "The connection failed; check kfp:host, TLS settings and network access, then retry.",
        KfpErrorKind.Unavailable => "The server is unavailable; retry later.",
        KfpErrorKind.Unimplemented => "The KFP server is too old for this call; upgrade KFP.",
        _ => "",
    };
}
