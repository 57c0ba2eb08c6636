using Kfp.Kube.Config;

namespace Kfp.Kube.Auth;

/// <summary>
/// A bearer token read from a file (<c>tokenFile</c>, in-cluster service-account token). Projected tokens rotate,
/// so the file is re-read once a minute and right after a 401.
/// </summary>
public sealed class TokenFileAuth : KubeAuth
{
    public static readonly TimeSpan RereadInterval = TimeSpan.FromMinutes(1);
    private readonly IKubeEnvironment _environment;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private string? _token;
    private DateTimeOffset _readAt;

    public TokenFileAuth(string path, IKubeEnvironment environment, TimeProvider time)
    {
        Path = path;
        _environment = environment;
        _time = time;
    }

    public string Path { get; }

    public override string Description => $"token file {Path}";

    internal string CurrentToken()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (_token is null || now - _readAt >= RereadInterval)
            {
                string text;
                try
                {
                    text = _environment.ReadAllText(Path);
                }
                catch (IOException e)
                {
                    throw new KubeConfigException($"token file {Path} cannot be read: {e.Message}. Fix tokenFile in the kubeconfig (or mount the service-account token).", e);
                }
                _token = text.Trim();
                _readAt = now;
            }
            return _token;
        }
    }

    internal override ValueTask<string?> BearerTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult<string?>(CurrentToken());

    internal override ValueTask<bool> RefreshAfterUnauthorizedAsync(CancellationToken cancellationToken)
    {
        string? before;
        lock (_gate)
        {
            before = _token;
            _token = null;
        }
        return ValueTask.FromResult(CurrentToken() != before);
    }
}
