using Microsoft.AspNetCore.Builder;

namespace Kfp.Emulator.Kfp;

/// <summary>The emulated KFP v2beta1 REST API.</summary>
public sealed class KfpApi : IEmulatedApi
{
    private readonly EmulatorOptions _options;

    public KfpApi(EmulatorOptions options) => _options = options;

    /// <summary>The grpc-gateway error body KFP answers with for a status code.</summary>
    public static string ErrorBody(int status) =>
        $$"""{"code":{{GrpcCode(status)}},"message":"injected fault: HTTP {{status}}","details":[]}""";

    public void Map(WebApplication app)
    {
        _ = _options;
    }

    public Task SaveAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static int GrpcCode(int status) => status switch
    {
        400 => 3,
        401 => 16,
        403 => 7,
        404 => 5,
        409 => 6,
        429 => 8,
        501 => 12,
        503 => 14,
        504 => 4,
        _ => 13,
    };
}
