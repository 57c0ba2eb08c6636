using Google.Protobuf.WellKnownTypes;
using Kfp.Provider.Protocol.Values;

namespace Kfp.Provider.Protocol.Grpc;

/// <summary>
/// A wire message whose <c>google.protobuf.Struct</c> fields travel as <see cref="PropertyMap"/>s: the service's
/// marshallers (<see cref="StructMessages"/>) read those fields of a request straight from its bytes into
/// <see cref="Structs"/>, and write a response's maps from <see cref="Structs"/> straight into its bytes, with
/// <see cref="StructCodec"/>; the generated Struct properties stay empty for them. The partial classes beside this
/// file say which fields of which messages.
/// </summary>
internal interface IStructCarrier
{
    /// <summary>The field numbers of the message's Struct fields that are carried as property maps.</summary>
    ReadOnlySpan<int> StructFieldNumbers { get; }

    StructFields Structs { get; }
}

/// <summary>The property maps of a message's Struct fields, by field number.</summary>
internal sealed class StructFields
{
    private readonly List<(int Field, PropertyMap Map)> _maps = new(3);

    /// <summary>The fields set, in the order they were set.</summary>
    public IReadOnlyList<(int Field, PropertyMap Map)> All => _maps;

    /// <summary>The map carried for <paramref name="field"/>; null when the message had none.</summary>
    public PropertyMap? this[int field]
    {
        get
        {
            foreach (var (number, map) in _maps)
            {
                if (number == field)
                {
                    return map;
                }
            }
            return null;
        }
        set
        {
            _maps.RemoveAll(m => m.Field == field);
            if (value is not null)
            {
                _maps.Add((field, value));
            }
        }
    }
}

internal static class StructCarrierExtensions
{
    /// <summary>
    /// The property map of Struct field <paramref name="field"/>: as the marshaller read it, or converted from
    /// <paramref name="built"/> when the message was built in memory (an empty map when neither is there).
    /// </summary>
    public static PropertyMap Map(this IStructCarrier message, int field, Struct? built) =>
        message.Structs[field] ?? PropertyValueCodec.FromStruct(built);

    /// <summary>Sets Struct field <paramref name="field"/> of a response to <paramref name="map"/>.</summary>
    public static T Carrying<T>(this T message, int field, PropertyMap map)
        where T : IStructCarrier
    {
        message.Structs[field] = map;
        return message;
    }
}
