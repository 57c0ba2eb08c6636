using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;

namespace Kfp.Emulator.Kfp.Core;

/// <summary>
/// <c>/apis/v2beta1/healthz</c>, a plain handler on the real server: any method, no auth, a body with more
/// fields than the swagger (<c>commit_sha</c>, <c>tag_name</c>); <c>pipeline_store</c> only since 2.14.
/// </summary>
internal static class HealthzHandler
{
    public static void Map(WebApplication app, KfpStore store) =>
        app.Map("/apis/v2beta1/healthz", Handler.Json(_ =>
        {
            var s = store.Settings;
            var body = new JsonObject { ["commit_sha"] = "kfp-emulator", ["tag_name"] = s.Version, ["multi_user"] = s.MultiUser };
            if (s.HasNames)
            {
                body["pipeline_store"] = "database";
            }
            return body;
        }));
}
