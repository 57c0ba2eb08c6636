using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Kfp.Emulator.Registry;

/// <summary>The registry's data behind one lock: users, issued tokens, repositories; persisted under the state dir.</summary>
public sealed class RegistryStore
{
    private const string FileName = "registry-state.json";

    private readonly Lock _gate = new();
    private readonly string? _file;
    private readonly RegistryState _state;

    /// <summary>Bearer tokens handed out by <c>/token</c>; kept in memory only (clients log in again after a restart).</summary>
    private readonly HashSet<string> _tokens = new(StringComparer.Ordinal);

    public RegistryStore(EmulatorOptions options)
    {
        _file = options.StateDir is { } dir ? Path.Combine(dir, FileName) : null;
        _state = _file is not null && File.Exists(_file)
            ? JsonSerializer.Deserialize(File.ReadAllText(_file), RegistryStateJsonContext.Default.RegistryState) ?? new RegistryState()
            : new RegistryState();
    }

    /// <summary>True once a user exists: from then on every <c>/v2/</c> request needs credentials.</summary>
    public bool RequiresAuth
    {
        get
        {
            lock (_gate)
            {
                return _state.Users.Count > 0;
            }
        }
    }

    public void AddUser(string username, string password)
    {
        lock (_gate)
        {
            _state.Users[username] = password;
        }
    }

    public bool IsValidUser(string username, string password)
    {
        lock (_gate)
        {
            return _state.Users.TryGetValue(username, out var expected)
                && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(password));
        }
    }

    public string IssueToken()
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        lock (_gate)
        {
            _tokens.Add(token);
        }
        return token;
    }

    public bool IsValidToken(string token)
    {
        lock (_gate)
        {
            return _tokens.Contains(token);
        }
    }

    /// <summary>Points <paramref name="tag"/> at a new manifest and returns its digest.</summary>
    public string PushImage(string repository, string tag)
    {
        lock (_gate)
        {
            var sequence = ++_state.Sequence;
            var manifest = ManifestFactory.Create(repository, tag, sequence);
            var digest = ManifestFactory.Digest(manifest);
            if (!_state.Repositories.TryGetValue(repository, out var repo))
            {
                repo = new RegistryRepository();
                _state.Repositories[repository] = repo;
            }
            repo.Manifests[digest] = manifest;
            repo.Tags[tag] = digest;
            return digest;
        }
    }

    /// <summary>The manifest named by a tag or digest; null when the repository or reference is unknown.</summary>
    public (string Digest, string Manifest)? FindManifest(string repository, string reference)
    {
        lock (_gate)
        {
            if (!_state.Repositories.TryGetValue(repository, out var repo))
            {
                return null;
            }
            var digest = reference.Contains(':', StringComparison.Ordinal) ? reference : repo.Tags.GetValueOrDefault(reference);
            return digest is not null && repo.Manifests.TryGetValue(digest, out var manifest) ? (digest, manifest) : null;
        }
    }

    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        if (_file is null)
        {
            return;
        }
        string json;
        lock (_gate)
        {
            json = JsonSerializer.Serialize(_state, RegistryStateJsonContext.Default.RegistryState);
        }
        var temp = _file + ".tmp";
        await File.WriteAllTextAsync(temp, json, cancellationToken);
        File.Move(temp, _file, overwrite: true);
    }
}
