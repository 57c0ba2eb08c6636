using Microsoft.AspNetCore.Http;

namespace Kfp.Emulator.Kfp.Core;

/// <summary>
/// Multi-user mode: a request needs an identity, the <c>kubeflow-userid</c> header or a bearer token, else 401
/// Unauthenticated. (No authorisation is emulated: every identity may do everything.)
/// </summary>
internal static class MultiUserAuth
{
    public static Func<HttpContext, RequestDelegate, Task> Middleware(KfpStore store) => async (context, next) =>
    {
        var path = context.Request.Path.Value ?? "";
        var exempt = !path.StartsWith("/apis/", StringComparison.Ordinal) || path.EndsWith("/healthz", StringComparison.Ordinal);
        if (!store.Settings.MultiUser || exempt || HasIdentity(context.Request))
        {
            await next(context);
            return;
        }
        var error = new KfpServerException(401, 16,
            "Failed to authenticate: Unauthenticated: Request header error: there is no user identity header.",
            "Request header error: there is no user identity header.");
        context.Response.StatusCode = 401;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(error.ToBody().ToJsonString(Handler.Wire), context.RequestAborted);
    };

    private static bool HasIdentity(HttpRequest request) =>
        request.Headers["kubeflow-userid"].Count == 1
        || request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
}
