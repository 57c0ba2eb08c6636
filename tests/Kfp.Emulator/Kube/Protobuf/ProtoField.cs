namespace Kfp.Emulator.Kube.Protobuf;

/// <summary>How one protobuf field of a Kubernetes message maps to its JSON form.</summary>
internal enum ProtoKind
{
    String,
    Bytes,
    Bool,
    Int,
    Time,
    Message,
    StringMap,
    BytesMap,
    RawJson,
}

/// <summary>One field of a message schema: JSON name, kind, nested schema, and whether it repeats.</summary>
internal sealed record ProtoField(string Name, ProtoKind Kind, bool Repeated = false, IReadOnlyDictionary<int, ProtoField>? Message = null);
