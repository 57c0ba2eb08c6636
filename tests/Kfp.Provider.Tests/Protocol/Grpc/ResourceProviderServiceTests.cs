using System.Reflection;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Kfp.Provider.Protocol.Grpc;
using Kfp.Provider.Protocol.Wire;

namespace Kfp.Provider.Tests.Protocol.Grpc;

public sealed class ResourceProviderServiceTests
{
    private static ServiceDescriptor Service =>
        ProviderReflection.Descriptor.Services.Single(s => s.Name == "ResourceProvider");

    [Fact]
    public void EveryUnaryRpc_IsImplementedByTheAdapter()
    {
        var unary = Service.Methods.Where(m => !m.IsServerStreaming && !m.IsClientStreaming).ToList();

        foreach (var rpc in unary)
        {
            var method = typeof(ResourceProviderService).GetMethod(
                rpc.Name, BindingFlags.Public | BindingFlags.Instance, [rpc.InputType.ClrType, typeof(ServerCallContext)]);

            Assert.True(method?.DeclaringType == typeof(ResourceProviderService), $"ResourceProviderService does not implement {rpc.Name}");
            Assert.Equal(typeof(Task<>).MakeGenericType(rpc.OutputType.ClrType), method!.ReturnType);
        }
        Assert.Equal(20, unary.Count);
    }
}
