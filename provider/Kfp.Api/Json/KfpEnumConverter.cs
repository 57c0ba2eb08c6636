using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kfp.Api.Json;

/// <summary>
/// KFP enums by their proto names (<see cref="JsonStringEnumMemberNameAttribute"/>), also accepting the integer
/// form. A name this client does not know (a newer server) reads as the zero value (…_UNSPECIFIED) instead of
/// failing the whole answer.
/// </summary>
internal sealed class KfpEnumConverter<T> : JsonConverter<T>
    where T : struct, Enum
{
    private static readonly FrozenDictionary<string, T> ByName = typeof(T).GetFields(BindingFlags.Public | BindingFlags.Static)
        .ToFrozenDictionary(f => f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? f.Name, f => (T)f.GetValue(null)!, StringComparer.Ordinal);

    private static readonly FrozenDictionary<T, string> ToName = ByName.ToFrozenDictionary(p => p.Value, p => p.Key);

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => ByName.GetValueOrDefault(reader.GetString()!),
        JsonTokenType.Number when reader.TryGetInt32(out var n) => (T)Enum.ToObject(typeof(T), n),
        _ => throw new JsonException($"Expected a {typeof(T).Name} name or number."),
    };

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WriteStringValue(ToName.TryGetValue(value, out var name) ? name : value.ToString());
}
