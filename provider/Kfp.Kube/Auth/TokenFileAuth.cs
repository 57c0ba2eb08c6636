using Kfp.Auth;
using Kfp.Kube.Config;

namespace Kfp.Kube.Auth;

/// <summary>
/// A bearer token read from a file (<c>tokenFile</c>, in-cluster service-account token) by the rule of
/// <see cref="TokenFile"/>: projected tokens rotate, so the file is read again when it changed and right after a 401.
/// </summary>
public sealed class TokenFileAuth : KubeAuth
{
    private readonly TokenFile _file;

    public TokenFileAuth(string path, IKubeEnvironment environment) => _file = new TokenFile(path, environment.ReadAllText);

    public string Path => _file.Path;

    public override string Description => $"token file {Path}";

    /// <summary>How many times the file was read.</summary>
    internal int Reads => _file.Reads;

    internal string CurrentToken() => Read(_file.Current) ?? "";

    internal override ValueTask<string?> BearerTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult<string?>(CurrentToken());

    internal override ValueTask<bool> RefreshAfterUnauthorizedAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(Read(_file.RefreshAfterUnauthorized));

    private T Read<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KubeConfigException($"token file {Path} cannot be read: {e.Message}. Fix tokenFile in the kubeconfig (or mount the service-account token).", e);
        }
    }
}
