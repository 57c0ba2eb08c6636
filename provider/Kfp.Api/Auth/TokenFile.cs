namespace Kfp.Auth;

/// <summary>
/// A bearer token kept in a file that is rotated under the provider (a projected service-account token, kubeconfig
/// <c>tokenFile</c>, <c>kfp:tokenFile</c>): the one rule both clients follow. The file is read again only when its
/// modification time or size changed since the last read, and once after the server refused the token (a 401), in
/// case it was rewritten without either changing; otherwise the token read last is used. Compiled into Kfp.Api and
/// Kfp.Kube (a linked source file; neither project references the other). Errors from reading are left to the
/// caller, which says which setting names the file.
/// </summary>
internal sealed class TokenFile
{
    private readonly Func<string, string> _readAllText;
    private readonly Func<string, FileStamp?> _stamp;
    private readonly Lock _gate = new();
    private string? _token;
    private FileStamp? _readStamp;
    private bool _stale = true;

    /// <param name="path">The token file.</param>
    /// <param name="readAllText">Reads the file (injected; throws when it cannot).</param>
    /// <param name="stamp">The file's modification time and size; null when it cannot be told (then every use reads).</param>
    public TokenFile(string path, Func<string, string>? readAllText = null, Func<string, FileStamp?>? stamp = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = path;
        _readAllText = readAllText ?? File.ReadAllText;
        _stamp = stamp ?? FileStamp.Of;
    }

    public string Path { get; }

    /// <summary>How many times the file was read (for tests: never more than needed).</summary>
    public int Reads { get; private set; }

    /// <summary>The token (trimmed; null when the file is empty), read again only when the file changed.</summary>
    public string? Current()
    {
        var stamp = _stamp(Path);
        lock (_gate)
        {
            if (!_stale && stamp is not null && stamp == _readStamp)
            {
                return _token;
            }
        }
        var text = _readAllText(Path).Trim();
        lock (_gate)
        {
            Reads++;
            _token = text.Length == 0 ? null : text;
            _readStamp = stamp;
            _stale = false;
            return _token;
        }
    }

    /// <summary>After a 401: reads the file again; true when the token changed, so a retry with it makes sense.</summary>
    public bool RefreshAfterUnauthorized()
    {
        string? before;
        lock (_gate)
        {
            before = _token;
            _stale = true;
        }
        return Current() != before;
    }
}

/// <summary>What tells that a file was rewritten: its modification time and size.</summary>
internal sealed record FileStamp(DateTime ModifiedUtc, long Length)
{
    /// <summary>The stamp of <paramref name="path"/> (symbolic links followed, as kubelet's projected volumes use them); null when it does not exist.</summary>
    public static FileStamp? Of(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is FileInfo target)
            {
                info = target;
            }
            return info.Exists ? new FileStamp(info.LastWriteTimeUtc, info.Length) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
