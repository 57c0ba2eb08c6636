using System.Text.Json;
using System.Text.Json.Nodes;
using Kfp.Compiler.Hashing;
using Kfp.Compiler.Yaml;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Kfp.Compiler;

/// <summary>
/// Renders IR as deterministic YAML for upload: keys sorted (ordinal), the PlatformSpec as a second
/// document after <c>---</c>, and every string that a YAML reader could take for a number, boolean or
/// null quoted, so the KFP server (Go) and the KFP SDK (Python) read back exactly the same values.
/// </summary>
public static class IrYamlWriter
{
    /// <summary>The YAML text of <paramref name="document"/>.</summary>
    public static string Write(IrDocument document)
    {
        using var text = new StringWriter { NewLine = "\n" };
        var emitter = new Emitter(text, new EmitterSettings(2, int.MaxValue, false, 1024, false, false, "\n", false));
        emitter.Emit(new StreamStart());
        EmitDocument(emitter, document.PipelineSpec, isImplicit: true);
        if (document.PlatformSpec is not null)
        {
            EmitDocument(emitter, document.PlatformSpec, isImplicit: false);
        }

        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    private static void EmitDocument(IEmitter emitter, JsonObject root, bool isImplicit)
    {
        emitter.Emit(new DocumentStart(null, null, isImplicit));
        EmitNode(emitter, root);
        emitter.Emit(new DocumentEnd(true));
    }

    private static void EmitNode(IEmitter emitter, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, true, obj.Count == 0 ? MappingStyle.Flow : MappingStyle.Block));
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    EmitString(emitter, key);
                    EmitNode(emitter, value);
                }

                emitter.Emit(new MappingEnd());
                break;
            case JsonArray array:
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, array.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in array)
                {
                    EmitNode(emitter, item);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                EmitString(emitter, value.GetValue<string>());
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.Number:
                EmitPlain(emitter, CanonicalNumber.Format(value));
                break;
            case JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False:
                EmitPlain(emitter, value.GetValueKind() == JsonValueKind.True ? "true" : "false");
                break;
            default:
                EmitPlain(emitter, "null");
                break;
        }
    }

    private static void EmitPlain(IEmitter emitter, string text) =>
        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, text, ScalarStyle.Plain, true, false));

    private static void EmitString(IEmitter emitter, string text)
    {
        var style = YamlScalarResolver.IsSafePlainString(text) ? ScalarStyle.Plain
            : text.Any(c => c < ' ' || c == '\'') ? ScalarStyle.DoubleQuoted
            : ScalarStyle.SingleQuoted;
        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, text, style, true, true));
    }
}
