using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Kfp.Kube.Config;

namespace Kfp.Kube.Auth;

/// <summary>
/// An exec credential plugin (<c>client.authentication.k8s.io/v1</c>): runs the command with
/// <c>KUBERNETES_EXEC_INFO</c>, caches the token or client certificate until its expiry, and runs it again after
/// expiry or a 401.
/// </summary>
public sealed class ExecAuth : KubeAuth
{
    private readonly IKubeEnvironment _environment;
    private readonly TimeProvider _time;
    private readonly ExecClusterInfo _cluster;
    private readonly Lock _gate = new();
    private ExecCredentialStatus? _cached;
    private Task<ExecCredentialStatus>? _pending;
    private X509Certificate2? _certificate;

    internal ExecAuth(ExecPluginSpec spec, ExecClusterInfo cluster, IKubeEnvironment environment, TimeProvider time)
    {
        Spec = spec;
        _cluster = cluster;
        _environment = environment;
        _time = time;
    }

    public ExecPluginSpec Spec { get; }

    public override string Description => $"exec plugin {Spec.Command}";

    /// <summary>How many times the plugin has run (diagnostics and tests).</summary>
    public int Runs { get; private set; }

    internal override X509Certificate2? ClientCertificate => _certificate;

    internal override async ValueTask<string?> BearerTokenAsync(CancellationToken cancellationToken) =>
        (await CredentialAsync(cancellationToken)).Token is { Length: > 0 } token ? token : null;

    internal override ValueTask<bool> RefreshAfterUnauthorizedAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _cached = null;
        }
        return ValueTask.FromResult(true);
    }

    /// <summary>The cached credential while it is valid; otherwise one plugin run shared by concurrent callers.</summary>
    private async Task<ExecCredentialStatus> CredentialAsync(CancellationToken cancellationToken)
    {
        Task<ExecCredentialStatus> task;
        lock (_gate)
        {
            if (_cached is { } cached && (cached.ExpirationTimestamp is not { } expiry || expiry > _time.GetUtcNow()))
            {
                return cached;
            }
            _pending ??= Task.Run(() => FetchAsync(cancellationToken), CancellationToken.None);
            task = _pending;
        }
        return await task.WaitAsync(cancellationToken);
    }

    private async Task<ExecCredentialStatus> FetchAsync(CancellationToken cancellationToken)
    {
        try
        {
            var status = await RunAsync(cancellationToken);
            var certificate = status.ClientCertificateData is { } cert ? X509Certificate2.CreateFromPem(cert, status.ClientKeyData) : null;
            lock (_gate)
            {
                _cached = status;
                _certificate = certificate;
            }
            return status;
        }
        finally
        {
            lock (_gate)
            {
                _pending = null;
            }
        }
    }

    private async Task<ExecCredentialStatus> RunAsync(CancellationToken cancellationToken)
    {
        var env = new Dictionary<string, string>(Spec.Environment) { ["KUBERNETES_EXEC_INFO"] = ExecInfo() };
        var result = await _environment.RunProcessAsync(new ProcessSpec(Spec.Command, Spec.Arguments, env), cancellationToken);
        Runs++;
        if (result.ExitCode != 0)
        {
            var hint = Spec.InstallHint is { Length: > 0 } h && result.ExitCode == -1 ? $" {h.Trim()}" : "";
            throw new KubeConfigException($"exec credential plugin {Spec.Command} ({Spec.Field}.command) failed with exit code {result.ExitCode}: {result.StandardError.Trim()}{hint}");
        }
        ExecCredential? credential;
        try
        {
            credential = JsonSerializer.Deserialize(result.StandardOutput, ExecJsonContext.Default.ExecCredential);
        }
        catch (JsonException e)
        {
            throw new KubeConfigException($"exec credential plugin {Spec.Command} ({Spec.Field}) printed something that is not an ExecCredential JSON document: {e.Message}", e);
        }
        if (credential?.ApiVersion != Spec.ApiVersion)
        {
            throw new KubeConfigException($"exec credential plugin {Spec.Command} returned apiVersion \"{credential?.ApiVersion}\", but {Spec.Field}.apiVersion is \"{Spec.ApiVersion}\". Make them match.");
        }
        var status = credential.Status
            ?? throw new KubeConfigException($"exec credential plugin {Spec.Command} returned an ExecCredential without status. The plugin must print status.token or status.clientCertificateData and clientKeyData.");
        var hasCert = !string.IsNullOrEmpty(status.ClientCertificateData);
        if (hasCert != !string.IsNullOrEmpty(status.ClientKeyData))
        {
            throw new KubeConfigException($"exec credential plugin {Spec.Command} returned only one of status.clientCertificateData and status.clientKeyData; both are required for a client certificate.");
        }
        if (string.IsNullOrEmpty(status.Token) && !hasCert)
        {
            throw new KubeConfigException($"exec credential plugin {Spec.Command} returned neither status.token nor a client certificate.");
        }
        return status;
    }

    private string ExecInfo()
    {
        ExecCredentialCluster? cluster = null;
        if (Spec.ProvideClusterInfo)
        {
            cluster = new ExecCredentialCluster(_cluster.Server, _cluster.TlsServerName, _cluster.InsecureSkipTlsVerify,
                _cluster.CertificateAuthorityPem is { } ca ? Encoding.UTF8.GetBytes(ca) : null);
        }
        var info = new ExecCredential { ApiVersion = Spec.ApiVersion, Kind = "ExecCredential", Spec = new ExecCredentialSpec(false, cluster) };
        return JsonSerializer.Serialize(info, ExecJsonContext.Default.ExecCredential);
    }
}
