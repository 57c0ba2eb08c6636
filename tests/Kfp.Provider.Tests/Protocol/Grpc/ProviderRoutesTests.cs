using System.Reflection;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using Kfp.Provider.Protocol.Grpc;
using Kfp.Provider.Protocol.Wire;

namespace Kfp.Provider.Tests.Protocol.Grpc;

public sealed class ProviderRoutesTests
{
    private static ServiceDescriptor Service =>
        ProviderReflection.Descriptor.Services.Single(s => s.Name == "ResourceProvider");

    private static IReadOnlyList<IUnaryMethod> Routes(ResourceProviderBase provider)
    {
        var diagnostics = new DiagnosticLog(TextWriter.Null);
        return new ProviderRoutes(provider, new EngineLog(diagnostics), new CallCancellation(), diagnostics).Methods();
    }

    [Fact]
    public void Methods_CoverEveryUnaryRpcOfTheService()
    {
        var expected = Service.Methods.Where(m => !m.IsServerStreaming && !m.IsClientStreaming)
            .Select(m => $"/pulumirpc.ResourceProvider/{m.Name}").Order(StringComparer.Ordinal);

        var actual = Routes(new BareProvider()).Select(m => m.Path).Order(StringComparer.Ordinal);

        Assert.Equal(expected, actual);
        Assert.Equal(20, actual.Count());
    }

    [Fact]
    public void ResourceProviderBase_HasOneVirtualAsyncMethodPerRpc()
    {
        foreach (var rpc in Service.Methods.Where(m => !m.IsServerStreaming))
        {
            var method = typeof(ResourceProviderBase).GetMethod(
                rpc.Name + "Async", BindingFlags.Public | BindingFlags.Instance, [rpc.InputType.ClrType, typeof(CancellationToken)]);

            Assert.True(method is { IsVirtual: true }, $"missing virtual {rpc.Name}Async({rpc.InputType.ClrType.Name}, CancellationToken)");
            Assert.Equal(typeof(Task<>).MakeGenericType(rpc.OutputType.ClrType), method.ReturnType);
        }
    }

    [Fact]
    public async Task Methods_NotOverridden_AnswerUnimplemented_ExceptCancelAndAttach()
    {
        foreach (var route in Routes(new BareProvider()))
        {
            var name = route.Path[ProviderRoutes.ServicePrefix.Length..];
            if (name is "Cancel" or "Attach")
            {
                Assert.IsType<Empty>(await route.InvokeAsync([], CancellationToken.None));
                continue;
            }

            var e = await Assert.ThrowsAsync<GrpcStatusException>(() => route.InvokeAsync([], CancellationToken.None));
            Assert.Equal(StatusCode.Unimplemented, e.StatusCode);
            Assert.Contains(name, e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Cancel_HookThrows_StillAnswersOkAndLogsToStderr()
    {
        var stderr = new StringWriter();
        var diagnostics = new DiagnosticLog(stderr);
        using var cancellation = new CallCancellation();
        var before = cancellation.Token;
        var provider = new TestProvider(new EngineLog(diagnostics)) { FailCancelHook = true };
        var cancel = new ProviderRoutes(provider, new EngineLog(diagnostics), cancellation, diagnostics).Methods()
            .Single(m => m.Path.EndsWith("/Cancel", StringComparison.Ordinal));

        var reply = await cancel.InvokeAsync([], before);

        Assert.IsType<Empty>(reply);
        Assert.True(before.IsCancellationRequested);
        Assert.Equal(1, provider.CancelHookCalls);
        Assert.Contains("hook failed", stderr.ToString(), StringComparison.Ordinal);
    }

    private sealed class BareProvider : ResourceProviderBase;
}
