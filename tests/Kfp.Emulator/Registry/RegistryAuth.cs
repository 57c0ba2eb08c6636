using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Kfp.Emulator.Registry;

/// <summary>
/// Who may use <c>/v2/</c>: everyone while no user exists; then a Basic user/password or a Bearer token from
/// <c>/token</c>. Refusals are 401 with the Bearer challenge clients follow to the token endpoint.
/// </summary>
internal sealed class RegistryAuth(RegistryStore store)
{
    public const string Service = "kfp-emulator";

    /// <summary>True when the request may go on; otherwise the 401 answer has been written.</summary>
    public async Task<bool> AuthorizeAsync(HttpContext context, string? repository)
    {
        if (!store.RequiresAuth || IsAuthenticated(context.Request))
        {
            return true;
        }
        var request = context.Request;
        var scope = repository is null ? "" : $",scope=\"repository:{repository}:pull\"";
        context.Response.Headers.WWWAuthenticate = $"Bearer realm=\"{request.Scheme}://{request.Host}/token\",service=\"{Service}\"{scope}";
        await OciErrors.WriteAsync(context, StatusCodes.Status401Unauthorized, "UNAUTHORIZED", "authentication required");
        return false;
    }

    /// <summary>The valid Basic credentials of the request, if any.</summary>
    public bool HasValidBasic(HttpRequest request) =>
        Parse(request) is { Scheme: "Basic" } header && DecodeBasic(header.Parameter) is var (user, password) && store.IsValidUser(user, password);

    private bool IsAuthenticated(HttpRequest request) => Parse(request) switch
    {
        { Scheme: "Bearer", Parameter: { Length: > 0 } token } => store.IsValidToken(token),
        { Scheme: "Basic" } => HasValidBasic(request),
        _ => false,
    };

    private static AuthenticationHeaderValue? Parse(HttpRequest request) =>
        AuthenticationHeaderValue.TryParse(request.Headers.Authorization.ToString(), out var header) ? header : null;

    private static (string User, string Password)? DecodeBasic(string? parameter)
    {
        if (parameter is null)
        {
            return null;
        }
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(parameter));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? null : (text[..colon], text[(colon + 1)..]);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
