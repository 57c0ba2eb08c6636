using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Kfp.Emulator;

namespace Kfp.Provider.Tests.Registry;

/// <summary>The emulated OCI registry, spoken to with plain HTTP as any registry client would.</summary>
public sealed class RegistryEmulatorTests : IAsyncLifetime
{
    private readonly HttpClient _http = new();
    private EmulatorHost _emu = null!;

    public async Task InitializeAsync() => _emu = await EmulatorHost.StartAsync(new EmulatorOptions());

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _emu.DisposeAsync();
    }

    private Uri At(string path) => new(_emu.RegistryUrl, path);

    private async Task<string> SeedImageAsync(string repository, string tag)
    {
        var response = await _http.PostAsJsonAsync(At("/_emulator/images"), new Dictionary<string, string> { ["repository"] = repository, ["tag"] = tag });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["digest"]!.GetValue<string>();
    }

    private async Task SeedUserAsync(string username, string password) =>
        (await _http.PostAsJsonAsync(At("/_emulator/users"), new Dictionary<string, string> { ["username"] = username, ["password"] = password }))
            .EnsureSuccessStatusCode();

    private static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, AuthenticationHeaderValue? auth = null)
    {
        using var request = new HttpRequestMessage(method, At(path));
        request.Headers.Authorization = auth;
        return await _http.SendAsync(request);
    }

    [Fact]
    public async Task ApiCheck_NoUsers_AllowsAnonymous()
    {
        using var response = await SendAsync(HttpMethod.Get, "/v2/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("registry/2.0", response.Headers.GetValues("Docker-Distribution-API-Version").Single());
    }

    [Fact]
    public async Task ApiCheck_UserSeededNoCredentials_ChallengesWithTokenRealm()
    {
        await SeedUserAsync("robot", "s3cret");

        using var response = await SendAsync(HttpMethod.Get, "/v2/");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal($"Bearer realm=\"{_emu.Endpoints.Registry}/token\",service=\"kfp-emulator\"",
            response.Headers.WwwAuthenticate.ToString());
        var error = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]![0]!;
        Assert.Equal("UNAUTHORIZED", error["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task ApiCheck_BasicCredentials_AcceptedOnlyWhenRight()
    {
        await SeedUserAsync("robot", "s3cret");

        using var right = await SendAsync(HttpMethod.Get, "/v2/", Basic("robot", "s3cret"));
        using var wrong = await SendAsync(HttpMethod.Get, "/v2/", Basic("robot", "nope"));

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
    }

    [Fact]
    public async Task Token_ValidBasic_IssuesBearerTokenForManifests()
    {
        await SeedUserAsync("robot", "s3cret");
        var digest = await SeedImageAsync("team/trainer", "v1");

        using var tokenResponse = await SendAsync(HttpMethod.Get, "/token?service=kfp-emulator&scope=repository:team/trainer:pull", Basic("robot", "s3cret"));
        var body = (await tokenResponse.Content.ReadFromJsonAsync<JsonObject>())!;
        using var head = await SendAsync(HttpMethod.Head, "/v2/team/trainer/manifests/v1", new AuthenticationHeaderValue("Bearer", body["token"]!.GetValue<string>()));

        Assert.Equal(HttpStatusCode.OK, tokenResponse.StatusCode);
        Assert.Equal(body["token"]!.GetValue<string>(), body["access_token"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(digest, head.Headers.GetValues("Docker-Content-Digest").Single());
    }

    [Fact]
    public async Task Token_WrongPassword_Is401()
    {
        await SeedUserAsync("robot", "s3cret");

        using var response = await SendAsync(HttpMethod.Get, "/token?service=kfp-emulator", Basic("robot", "wrong"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ManifestHead_UnauthenticatedWithUsers_ChallengeNamesRepositoryScope()
    {
        await SeedUserAsync("robot", "s3cret");
        await SeedImageAsync("team/trainer", "v1");

        using var response = await SendAsync(HttpMethod.Head, "/v2/team/trainer/manifests/v1");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("scope=\"repository:team/trainer:pull\"", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ManifestHead_Tag_ReturnsDigestAndOciMediaType()
    {
        var digest = await SeedImageAsync("team/trainer", "v1");

        using var response = await SendAsync(HttpMethod.Head, "/v2/team/trainer/manifests/v1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(digest, response.Headers.GetValues("Docker-Content-Digest").Single());
        Assert.Equal("application/vnd.oci.image.manifest.v1+json", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("sha256:", digest, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ManifestGet_ByDigest_BodyHashesToTheDigest()
    {
        var digest = await SeedImageAsync("team/trainer", "v1");

        using var response = await SendAsync(HttpMethod.Get, $"/v2/team/trainer/manifests/{digest}");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(digest, "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.Equal(2, JsonNode.Parse(bytes)!["schemaVersion"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("/v2/team/trainer/manifests/v9")]
    [InlineData("/v2/team/unknown/manifests/v1")]
    [InlineData("/v2/team/trainer/manifests/sha256:0000000000000000000000000000000000000000000000000000000000000000")]
    public async Task ManifestGet_Unknown_Is404ManifestUnknown(string path)
    {
        await SeedImageAsync("team/trainer", "v1");

        using var response = await SendAsync(HttpMethod.Get, path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]![0]!;
        Assert.Equal("MANIFEST_UNKNOWN", error["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task SeedImage_SameTagTwice_MovesTagToNewDigest()
    {
        var first = await SeedImageAsync("team/trainer", "v1");
        var second = await SeedImageAsync("team/trainer", "v1");

        using var head = await SendAsync(HttpMethod.Head, "/v2/team/trainer/manifests/v1");
        using var old = await SendAsync(HttpMethod.Head, $"/v2/team/trainer/manifests/{first}");

        Assert.NotEqual(first, second);
        Assert.Equal(second, head.Headers.GetValues("Docker-Content-Digest").Single());
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
    }

    [Fact]
    public async Task SeedUser_MissingPassword_Is400()
    {
        using var response = await _http.PostAsJsonAsync(At("/_emulator/users"), new Dictionary<string, string> { ["username"] = "robot" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task StateDir_Restart_KeepsUsersAndImages()
    {
        var dir = Directory.CreateTempSubdirectory("kfp-registry-state-").FullName;
        try
        {
            string digest;
            await using (var first = await EmulatorHost.StartAsync(new EmulatorOptions { StateDir = dir }))
            {
                (await _http.PostAsJsonAsync(new Uri(first.RegistryUrl, "/_emulator/users"), new Dictionary<string, string> { ["username"] = "robot", ["password"] = "pw" }))
                    .EnsureSuccessStatusCode();
                var seeded = await _http.PostAsJsonAsync(new Uri(first.RegistryUrl, "/_emulator/images"), new Dictionary<string, string> { ["repository"] = "team/trainer", ["tag"] = "v1" });
                digest = (await seeded.Content.ReadFromJsonAsync<JsonObject>())!["digest"]!.GetValue<string>();
            }
            await using var second = await EmulatorHost.StartAsync(new EmulatorOptions { StateDir = dir });
            using var anonymous = await _http.GetAsync(new Uri(second.RegistryUrl, "/v2/"));
            using var request = new HttpRequestMessage(HttpMethod.Head, new Uri(second.RegistryUrl, "/v2/team/trainer/manifests/v1"));
            request.Headers.Authorization = Basic("robot", "pw");
            using var head = await _http.SendAsync(request);

            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            Assert.Equal(digest, head.Headers.GetValues("Docker-Content-Digest").Single());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
