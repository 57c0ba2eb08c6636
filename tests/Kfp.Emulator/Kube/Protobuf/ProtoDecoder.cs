using System.Text;
using System.Text.Json.Nodes;

namespace Kfp.Emulator.Kube.Protobuf;

/// <summary>
/// Decodes the Kubernetes protobuf envelope (<c>k8s\0</c> + runtime.Unknown) that kubectl's typed clients send
/// (e.g. <c>kubectl create secret</c>) into the JSON object the handlers work on. Responses stay JSON.
/// </summary>
internal static class ProtoDecoder
{
    private static readonly byte[] Magic = [0x6b, 0x38, 0x73, 0x00];

    public static JsonObject DecodeEnvelope(ReadOnlySpan<byte> body, ResourceType type)
    {
        if (body.Length < Magic.Length || !body[..Magic.Length].SequenceEqual(Magic))
        {
            throw KubeError.Undecodable(type, "provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]");
        }
        var reader = new ProtoReader(body[Magic.Length..].ToArray());
        string apiVersion = "", kind = "";
        byte[] raw = [];
        while (reader.Next(out var number, out var wire))
        {
            if (number == 1 && wire == 2)
            {
                var typeMeta = new ProtoReader(reader.Bytes());
                while (typeMeta.Next(out var n, out var w))
                {
                    if (n == 1 && w == 2) apiVersion = Encoding.UTF8.GetString(typeMeta.Bytes());
                    else if (n == 2 && w == 2) kind = Encoding.UTF8.GetString(typeMeta.Bytes());
                    else typeMeta.Skip(w);
                }
            }
            else if (number == 2 && wire == 2)
            {
                raw = reader.Bytes();
            }
            else
            {
                reader.Skip(wire);
            }
        }
        var schema = ProtoSchemas.For(kind) ?? throw KubeError.Undecodable(type, $"no kind \"{kind}\" is registered for version \"{apiVersion}\"");
        var obj = Decode(raw, schema);
        if (kind != "DeleteOptions")
        {
            obj["apiVersion"] = apiVersion;
            obj["kind"] = kind;
        }
        return obj;
    }

    private static JsonObject Decode(byte[] data, IReadOnlyDictionary<int, ProtoField> schema)
    {
        var obj = new JsonObject();
        var reader = new ProtoReader(data);
        while (reader.Next(out var number, out var wire))
        {
            if (!schema.TryGetValue(number, out var field))
            {
                reader.Skip(wire);
                continue;
            }
            JsonNode? value = field.Kind switch
            {
                ProtoKind.String => Encoding.UTF8.GetString(reader.Bytes()),
                ProtoKind.Bytes => Convert.ToBase64String(reader.Bytes()),
                ProtoKind.Bool => reader.Varint() != 0,
                ProtoKind.Int => (long)reader.Varint(),
                ProtoKind.Time => Time(reader.Bytes()),
                ProtoKind.RawJson => RawJson(reader.Bytes()),
                ProtoKind.Message => Decode(reader.Bytes(), field.Message!),
                _ => null,
            };
            if (!field.Repeated && IsZero(value))
            {
                // gogo-protobuf writes every scalar; JSON omits zero values.
                continue;
            }
            if (field.Kind is ProtoKind.StringMap or ProtoKind.BytesMap)
            {
                var (key, entry) = MapEntry(reader.Bytes(), field.Kind == ProtoKind.BytesMap);
                var map = obj[field.Name] as JsonObject ?? [];
                map[key] = entry;
                obj[field.Name] = map;
            }
            else if (field.Repeated)
            {
                var list = obj[field.Name] as JsonArray ?? [];
                list.Add(value);
                obj[field.Name] = list;
            }
            else
            {
                obj[field.Name] = value;
            }
        }
        return obj;
    }

    private static bool IsZero(JsonNode? value) => value is JsonValue v
        && ((v.TryGetValue<string>(out var s) && s.Length == 0) || (v.TryGetValue<long>(out var l) && l == 0));

    private static (string Key, string Value) MapEntry(byte[] data, bool bytes)
    {
        var reader = new ProtoReader(data);
        string key = "", value = bytes ? "" : "";
        while (reader.Next(out var number, out var wire))
        {
            if (number == 1) key = Encoding.UTF8.GetString(reader.Bytes());
            else if (number == 2) value = bytes ? Convert.ToBase64String(reader.Bytes()) : Encoding.UTF8.GetString(reader.Bytes());
            else reader.Skip(wire);
        }
        return (key, value);
    }

    private static string Time(byte[] data)
    {
        var reader = new ProtoReader(data);
        long seconds = 0;
        while (reader.Next(out var number, out var wire))
        {
            if (number == 1) seconds = (long)reader.Varint();
            else reader.Skip(wire);
        }
        return seconds == 0 ? "" : ObjectWriter.Timestamp(DateTimeOffset.FromUnixTimeSeconds(seconds));
    }

    private static JsonNode? RawJson(byte[] data)
    {
        var reader = new ProtoReader(data);
        while (reader.Next(out var number, out var wire))
        {
            if (number == 1) return JsonNode.Parse(reader.Bytes());
            reader.Skip(wire);
        }
        return new JsonObject();
    }
}
