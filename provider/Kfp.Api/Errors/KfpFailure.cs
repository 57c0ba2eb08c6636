using System.Globalization;
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
    /// <summary>The server's <c>Retry-After</c>, when it sent one.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Attempts made before giving up (1 = no retry).</summary>
    public int Attempts { get; init; } = 1;

    /// <summary>Time from the operation's start to this failure; null when not measured.</summary>
    public TimeSpan? Elapsed { get; init; }

    /// <summary>For AlreadyExists on a create: the ID of the object that holds the name, when it was found.</summary>
    public string? ExistingId { get; init; }

    /// <summary>For AlreadyExists: the existing object is exactly what the create asked for.</summary>
    public bool ExistingMatches { get; init; }

    /// <summary>Replaces the generic hint (e.g. with the <c>kfp:host</c> a wrong-host check found).</summary>
    public string? Advice { get; init; }

    public string Describe()
    {
        var what = Subject is null ? Operation : $"{Operation} {Subject}";
        var status = StatusCode is { } s ? $"HTTP {(int)s} {Kind}" : Kind.ToString();
        var server = ServerMessage.Length == 0 ? "" : $": {ServerMessage}";
        return $"KFP could not {what}{server} ({status}, {Endpoint}{Effort()}). {Advice ?? Hint()}".TrimEnd();
    }

    private string Effort()
    {
        if (Elapsed is not { } elapsed || (Attempts <= 1 && Kind is not (KfpErrorKind.Timeout or KfpErrorKind.RateLimited)))
        {
            return "";
        }
        var attempts = Attempts == 1 ? "1 attempt" : $"{Attempts} attempts";
        return $"; {attempts} in {Seconds(elapsed)}";
    }

    internal static string Seconds(TimeSpan time) =>
        string.Create(CultureInfo.InvariantCulture, $"{time.TotalSeconds:0.###} s");

    private string Hint() => Kind switch
    {
        KfpErrorKind.NotFound => "It may have been deleted outside Pulumi; refresh to update the state.",
        KfpErrorKind.AlreadyExists => "Choose another name, or import the existing object.",
        KfpErrorKind.Unauthenticated => "The request carried no identity KFP accepts: set kfp:token, kfp:tokenFile or kfp:headers (e.g. a session cookie), and check that the token has not expired.",
        KfpErrorKind.PermissionDenied => "The identity from kfp:token, kfp:tokenFile or kfp:headers may not do this: grant it access to the KFP profile namespace, or set kfp:namespace to one it can use.",
        KfpErrorKind.InvalidArgument or KfpErrorKind.FailedPrecondition => "Fix the inputs named in the message.",
        KfpErrorKind.Timeout => "The server did not answer in time; check kfp:host and the cluster, then retry.",
        KfpErrorKind.Network => "The connection failed; check kfp:host and network access, then retry.",
        KfpErrorKind.Tls => "Set kfp:caCertificate to the PEM of the CA that signed the server's certificate, use the host name the certificate names in kfp:host, or (test clusters only) set kfp:insecureSkipTlsVerify.",
        KfpErrorKind.Unavailable => "The server is unavailable; retry later.",
        KfpErrorKind.RateLimited => "KFP is throttling requests; retry later.",
        KfpErrorKind.Internal => "KFP failed while handling the request; this is a server error, not a problem with the inputs as sent. Retry later; if it persists, check the KFP API server's log (KFP also answers 500 for references to missing pipelines or versions).",
        KfpErrorKind.NotKfpApi => "Set kfp:host to the KFP API base URL: the address before /apis/v2beta1, e.g. https://kubeflow.example.com/pipeline.",
        KfpErrorKind.Unimplemented => "The KFP server is too old for this call; upgrade KFP.",
        _ => "",
    };
}
