using Kfp.Api.Http;

namespace Kfp.Api;

/// <summary>
/// KFP v2beta1 REST client over one <see cref="HttpClient"/>. Thread-safe; dispose when done.
/// Calls per resource live in the <c>KfpClient.*.cs</c> files; all HTTP goes through <see cref="KfpTransport"/>.
/// </summary>
public sealed partial class KfpClient : IKfpClient, IDisposable
{
    private readonly KfpClientOptions _options;
    private readonly KfpTransport _transport;
    private readonly CreateResolver _creates;

    public KfpClient(KfpClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.BaseAddress);
        if (!options.BaseAddress.IsAbsoluteUri || options.BaseAddress.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException(
                $"The KFP host '{options.BaseAddress}' must be an absolute http(s) URL, e.g. https://kubeflow.example.com/pipeline.",
                nameof(options));
        }
        KfpClientOptions.ValidateHeaders(options.Headers);
        _options = options;
        _transport = new KfpTransport(options) { BeforeFirstCall = EnsureKfpApiAsync };
        _creates = new CreateResolver(options, _transport);
    }

    public void Dispose()
    {
        _transport.Dispose();
        _probeGate.Dispose();
    }

    /// <summary>The namespace to send: the given one (even "", which means shared/none), else the client default.</summary>
    private string? NamespaceOr(string? @namespace) => @namespace ?? _options.Namespace;
}
