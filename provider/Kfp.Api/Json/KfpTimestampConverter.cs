using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kfp.Api.Json;

/// <summary>
/// RFC 3339 timestamps. KFP renders "unset" as the Unix epoch (<c>1970-01-01T00:00:00Z</c>); that reads as null.
/// Written in UTC with whole seconds, as the server stores them.
/// </summary>
internal sealed class KfpTimestampConverter : JsonConverter<DateTimeOffset?>
{
    public override bool HandleNull => true;

    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }
        var text = reader.GetString();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
        {
            throw new JsonException($"'{text}' is not an RFC 3339 timestamp.");
        }
        return value.ToUnixTimeSeconds() == 0 ? null : value.ToUniversalTime();
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        if (value is { } v)
        {
            writer.WriteStringValue(v.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
