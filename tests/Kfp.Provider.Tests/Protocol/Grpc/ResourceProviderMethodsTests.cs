using Kfp.Provider.Protocol.Grpc;
using Kfp.Provider.Protocol.Wire;

namespace Kfp.Provider.Tests.Protocol.Grpc;

/// <summary>The hand-bound method table agrees with the service the .proto file declares, method for method.</summary>
public sealed class ResourceProviderMethodsTests
{
    [Fact]
    public void BindsEveryMethodOfTheDescriptorWithItsMessageTypes()
    {
        var declared = ResourceProvider.Descriptor.Methods
            .Select(m => (m.Name, m.InputType.ClrType, m.OutputType.ClrType))
            .OrderBy(m => m.Name, StringComparer.Ordinal)
            .ToList();

        var bound = ResourceProviderMethods.Signatures.OrderBy(m => m.Name, StringComparer.Ordinal).ToList();

        Assert.Equal(declared, bound);
    }

    [Fact]
    public void ServiceNameIsTheDescriptorsFullName() =>
        Assert.Equal(ResourceProviderMethods.ServiceName, ResourceProvider.Descriptor.FullName);

    [Fact]
    public void StreamingMethodsAreBoundAsStreaming()
    {
        var streaming = ResourceProvider.Descriptor.Methods.Where(m => m.IsServerStreaming).Select(m => m.Name);

        Assert.Equal(streaming, ResourceProviderMethods.StreamingNames);
    }
}
