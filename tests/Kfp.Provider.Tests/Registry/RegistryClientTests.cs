using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Kfp.Emulator;
using Kfp.Registry;

namespace Kfp.Provider.Tests.Registry;

/// <summary>The registry client against the emulated registry (token auth) and a Basic-only registry.</summary>
public sealed class RegistryClientTests : IAsyncLifetime
{
    private readonly HttpClient _http = new();
    private readonly RegistryClient _client = new();
    private EmulatorHost _emu = null!;

    public async Task InitializeAsync() => _emu = await EmulatorHost.StartAsync(new EmulatorOptions());

    public async Task DisposeAsync()
    {
        _client.Dispose();
        _http.Dispose();
        await _emu.DisposeAsync();
    }

    private string Server => _emu.RegistryUrl.Authority;

    private RegistryCredentials Login(string? user, string? password) => new(Server, user, password) { Insecure = true };

    private async Task SeedUserAsync() =>
        (await _http.PostAsJsonAsync(new Uri(_emu.RegistryUrl, "/_emulator/users"), new Dictionary<string, string> { ["username"] = "robot", ["password"] = "s3cret" }))
            .EnsureSuccessStatusCode();

    private async Task<string> SeedImageAsync(string repository, string tag)
    {
        var response = await _http.PostAsJsonAsync(new Uri(_emu.RegistryUrl, "/_emulator/images"), new Dictionary<string, string> { ["repository"] = repository, ["tag"] = tag });
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["digest"]!.GetValue<string>();
    }

    [Fact]
    public async Task VerifyLogin_AnonymousRegistry_Succeeds()
    {
        await _client.VerifyLoginAsync(Login(null, null));
    }

    [Fact]
    public async Task VerifyLogin_RightPasswordViaToken_Succeeds()
    {
        await SeedUserAsync();

        await _client.VerifyLoginAsync(Login("robot", "s3cret"));
    }

    [Fact]
    public async Task VerifyLogin_WrongPassword_ThrowsAuthenticationNamingServerNotPassword()
    {
        await SeedUserAsync();

        var error = await Assert.ThrowsAsync<RegistryAuthenticationException>(() => _client.VerifyLoginAsync(Login("robot", "wrong-pw")));

        Assert.Contains(Server, error.Message, StringComparison.Ordinal);
        Assert.Contains("'robot'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-pw", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyLogin_NoCredentialsWhenRequired_SaysCredentialsNeeded()
    {
        await SeedUserAsync();

        var error = await Assert.ThrowsAsync<RegistryAuthenticationException>(() => _client.VerifyLoginAsync(Login(null, null)));

        Assert.Contains("requires credentials", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyLogin_KfpApiAddress_ThrowsNotARegistry()
    {
        var error = await Assert.ThrowsAsync<NotARegistryException>(() =>
            _client.VerifyLoginAsync(new RegistryCredentials(_emu.KfpUrl.Authority, "u", "p") { Insecure = true }));

        Assert.Contains("not a container registry", error.Message, StringComparison.Ordinal);
        Assert.Equal(404, error.StatusCode);
    }

    [Fact]
    public async Task VerifyLogin_ClosedPort_ThrowsUnreachable()
    {
        var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var error = await Assert.ThrowsAsync<RegistryUnreachableException>(() =>
            _client.VerifyLoginAsync(new RegistryCredentials($"127.0.0.1:{port}", "u", "p") { Insecure = true }));

        Assert.Contains($"127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyLogin_BasicOnlyRegistry_SendsCredentialsDirectly()
    {
        await using var registry = await BasicOnlyRegistry.StartAsync("robot", "s3cret");

        await _client.VerifyLoginAsync(new RegistryCredentials(registry.Authority, "robot", "s3cret") { Insecure = true });
        await Assert.ThrowsAsync<RegistryAuthenticationException>(() =>
            _client.VerifyLoginAsync(new RegistryCredentials(registry.Authority, "robot", "nope") { Insecure = true }));
    }

    [Fact]
    public async Task ResolveDigest_TagAnonymous_ReturnsSeededDigest()
    {
        var digest = await SeedImageAsync("team/trainer", "v1");

        var resolved = await _client.ResolveDigestAsync(ImageReference.Parse($"{Server}/team/trainer:v1"), Login(null, null));

        Assert.Equal(digest, resolved);
    }

    [Fact]
    public async Task ResolveDigest_TagWithTokenAuth_ReturnsSeededDigest()
    {
        await SeedUserAsync();
        var digest = await SeedImageAsync("team/trainer", "v2");

        var resolved = await _client.ResolveDigestAsync(ImageReference.Parse($"{Server}/team/trainer:v2"), Login("robot", "s3cret"));

        Assert.Equal(digest, resolved);
    }

    [Fact]
    public async Task ResolveDigest_UnknownTag_ThrowsManifestNotFoundNamingImage()
    {
        await SeedImageAsync("team/trainer", "v1");

        var error = await Assert.ThrowsAsync<ManifestNotFoundException>(() =>
            _client.ResolveDigestAsync(ImageReference.Parse($"{Server}/team/trainer:nope"), Login(null, null)));

        Assert.Contains($"{Server}/team/trainer:nope", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResolveDigest_WrongPassword_ThrowsAuthentication()
    {
        await SeedUserAsync();
        await SeedImageAsync("team/trainer", "v1");

        await Assert.ThrowsAsync<RegistryAuthenticationException>(() =>
            _client.ResolveDigestAsync(ImageReference.Parse($"{Server}/team/trainer:v1"), Login("robot", "bad")));
    }

    [Fact]
    public async Task VerifyLogin_InjectedServerError_ThrowsRegistryExceptionWithStatus()
    {
        (await _http.PostAsJsonAsync(new Uri(_emu.RegistryUrl, "/_emulator/faults"), new Dictionary<string, object> { ["path"] = "/v2/*", ["status"] = 503, ["count"] = 1 }))
            .EnsureSuccessStatusCode();

        var error = await Assert.ThrowsAsync<RegistryException>(() => _client.VerifyLoginAsync(Login(null, null)));

        Assert.Equal(503, error.StatusCode);
        Assert.Contains("try again later", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResolveDigest_PinnedDigest_ReturnedWithoutAsking()
    {
        var digest = "sha256:" + new string('c', 64);

        var resolved = await _client.ResolveDigestAsync(ImageReference.Parse($"127.0.0.1:1/none@{digest}"));

        Assert.Equal(digest, resolved);
    }
}
