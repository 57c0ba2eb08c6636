namespace Kfp.Api.Auth;

/// <summary>
/// A token read from a file and read again whenever the file's modification time changes, for projected
/// service-account tokens that the kubelet rotates (provider config <c>kfp:tokenFile</c>).
/// </summary>
public sealed class FileTokenSource : IKfpTokenSource
{
    private readonly string _path;
    private readonly Lock _gate = new();
    private DateTime _readAt = DateTime.MinValue;
    private string? _token;

    public FileTokenSource(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _path = path;
    }

    public async ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        DateTime modified;
        try
        {
            modified = File.GetLastWriteTimeUtc(_path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"Cannot read the KFP token file '{_path}': {e.Message}. Check kfp:tokenFile.", e);
        }
        if (modified == DateTime.FromFileTimeUtc(0))
        {
            throw new FileNotFoundException($"The KFP token file '{_path}' does not exist. Check kfp:tokenFile (or KF_PIPELINES_SA_TOKEN_PATH).", _path);
        }
        lock (_gate)
        {
            if (_token is not null && modified == _readAt)
            {
                return _token;
            }
        }
        var text = (await File.ReadAllTextAsync(_path, cancellationToken)).Trim();
        lock (_gate)
        {
            _token = text.Length == 0 ? null : text;
            _readAt = modified;
            return _token;
        }
    }
}
