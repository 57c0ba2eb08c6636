using Kfp.Provider.Protocol.Grpc;

// The messages whose Struct fields the service reads or writes as property maps (IStructCarrier): every request that
// brings resource properties and every response that answers them. Configure and Invoke stay on protobuf objects: their
// property bags are small and the engine sends them once.
namespace Kfp.Provider.Protocol.Wire;

internal sealed partial class CheckRequest : IStructCarrier
{
    public ReadOnlySpan<int> StructFieldNumbers => [OldsFieldNumber, NewsFieldNumber];

    public StructFields Structs { get; } = new();
}

internal sealed partial class CheckResponse : IStructCarrier
{
    public ReadOnlySpan<int> StructFieldNumbers => [InputsFieldNumber];

    public StructFields Structs { get; } = new();
}

internal sealed partial class DiffRequest : IStructCarrier
{
    public ReadOnlySpan<int> StructFieldNumbers => [OldsFieldNumber, NewsFieldNumber, OldInputsFieldNumber];

    public StructFields Structs { get; } = new();
}

internal sealed partial class CreateRequest : IStructCarrier
{
    public ReadOnlySpan<int> StructFieldNumbers => [PropertiesFieldNumber];

    public StructFields Structs { get; } = new();
}

internal sealed partial class CreateResponse : IStructCarrier
{
    public ReadOnlySpan<int> StructFieldNumbers => [PropertiesFieldNumber];

    public StructFields Structs { get; } = new();
}

internal sealed partial class ReadRequest : IStructCarrier
{
    public ReadOnlySpan<int> StructFieldNumbers => [PropertiesFieldNumber, InputsFieldNumber];

    public StructFields Structs { get; } = new();
}

internal sealed partial class ReadResponse : IStructCarrier
{
    public ReadOnlySpan<int> StructFieldNumbers => [PropertiesFieldNumber, InputsFieldNumber];

    public StructFields Structs { get; } = new();
}

internal sealed partial class UpdateRequest : IStructCarrier
{
    public ReadOnlySpan<int> StructFieldNumbers => [OldsFieldNumber, NewsFieldNumber, OldInputsFieldNumber];

    public StructFields Structs { get; } = new();
}

internal sealed partial class UpdateResponse : IStructCarrier
{
    public ReadOnlySpan<int> StructFieldNumbers => [PropertiesFieldNumber];

    public StructFields Structs { get; } = new();
}

internal sealed partial class DeleteRequest : IStructCarrier
{
    public ReadOnlySpan<int> StructFieldNumbers => [PropertiesFieldNumber, OldInputsFieldNumber];

    public StructFields Structs { get; } = new();
}
