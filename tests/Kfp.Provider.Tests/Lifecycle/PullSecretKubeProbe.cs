using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kfp.Emulator;

namespace Kfp.Provider.Tests.Lifecycle;

/// <summary>
/// Looks at (and tampers with) the emulated Kubernetes API with plain HTTP GETs and PUTs, as kubectl would. Blocking
/// methods exist for lifecycle steps' Verify callbacks, which are synchronous.
/// </summary>
internal sealed class PullSecretKubeProbe : IDisposable
{
    public const string Namespace = "kubeflow";

    private readonly HttpClient _http;

    public PullSecretKubeProbe(EmulatorHost emulator)
    {
        _http = new HttpClient { BaseAddress = emulator.KubernetesUrl };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "kfp-emulator-token");
    }

    public async Task<JsonObject?> SecretAsync(string name) => await GetOrNullAsync($"/api/v1/namespaces/{Namespace}/secrets/{name}");

    public JsonObject? Secret(string name) => SecretAsync(name).GetAwaiter().GetResult();

    /// <summary>The names in a service account's imagePullSecrets, in order.</summary>
    public async Task<IReadOnlyList<string>> PullSecretsAsync(string serviceAccount)
    {
        var sa = await GetOrNullAsync($"/api/v1/namespaces/{Namespace}/serviceaccounts/{serviceAccount}")
            ?? throw new InvalidOperationException($"service account {serviceAccount} is missing");
        return sa["imagePullSecrets"] is JsonArray list ? [.. list.Select(e => e!["name"]!.GetValue<string>())] : [];
    }

    public IReadOnlyList<string> PullSecrets(string serviceAccount) => PullSecretsAsync(serviceAccount).GetAwaiter().GetResult();

    /// <summary>Sets a service account's imagePullSecrets by hand (GET, edit, PUT).</summary>
    public async Task SetPullSecretsAsync(string serviceAccount, params string[] names)
    {
        var path = $"/api/v1/namespaces/{Namespace}/serviceaccounts/{serviceAccount}";
        var sa = (await GetOrNullAsync(path))!;
        sa["imagePullSecrets"] = new JsonArray([.. names.Select(n => (JsonNode)new JsonObject { ["name"] = n })]);
        using var content = JsonContent.Create(sa);
        (await _http.PutAsync(new Uri(path, UriKind.Relative), content)).EnsureSuccessStatusCode();
    }

    public void SetPullSecrets(string serviceAccount, params string[] names) => SetPullSecretsAsync(serviceAccount, names).GetAwaiter().GetResult();

    /// <summary>Overwrites a secret's <c>.dockerconfigjson</c> by hand (GET, edit, PUT).</summary>
    public async Task ReplaceDockerConfigAsync(string name, string json)
    {
        var path = $"/api/v1/namespaces/{Namespace}/secrets/{name}";
        var secret = (await GetOrNullAsync(path))!;
        secret["data"] = new JsonObject { [".dockerconfigjson"] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(json)) };
        using var content = JsonContent.Create(secret);
        (await _http.PutAsync(new Uri(path, UriKind.Relative), content)).EnsureSuccessStatusCode();
    }

    public async Task DeleteSecretAsync(string name) =>
        (await _http.DeleteAsync(new Uri($"/api/v1/namespaces/{Namespace}/secrets/{name}", UriKind.Relative))).EnsureSuccessStatusCode();

    public void Dispose() => _http.Dispose();

    private async Task<JsonObject?> GetOrNullAsync(string path)
    {
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative));
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }
}
