using Kfp.Auth;

namespace Kfp.Api.Auth;

/// <summary>
/// The KFP bearer token read from a file (provider config <c>kfp:tokenFile</c>, a projected service-account token the
/// kubelet rotates), by the rule of <see cref="TokenFile"/>: read again when the file changed, and after a 401.
/// </summary>
public sealed class FileTokenSource : IKfpTokenSource
{
    private readonly TokenFile _file;

    public FileTokenSource(string path) => _file = new TokenFile(path);

    internal FileTokenSource(TokenFile file) => _file = file;

    public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Read(_file.Current));

    public ValueTask<bool> RefreshAfterUnauthorizedAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Read(_file.RefreshAfterUnauthorized));

    private T Read<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new FileNotFoundException($"The KFP token file '{_file.Path}' does not exist. Check kfp:tokenFile (or KF_PIPELINES_SA_TOKEN_PATH).", _file.Path, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"Cannot read the KFP token file '{_file.Path}': {e.Message}. Check kfp:tokenFile.", e);
        }
    }
}
