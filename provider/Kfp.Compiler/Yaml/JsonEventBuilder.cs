using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Kfp.Compiler.Yaml;

/// <summary>
/// Builds JSON values straight from YamlDotNet's parser events, without recursion (a deep file cannot
/// overflow the stack) and within <see cref="YamlLimits"/>: an alias is charged for every value it copies
/// before it is copied, so an alias bomb fails at its first expensive alias.
/// </summary>
internal sealed class JsonEventBuilder
{
    private const string Core = "tag:yaml.org,2002:";

    private readonly YamlLimits limits;
    private readonly Stack<CollectionFrame> stack = new();
    private readonly Dictionary<string, Anchored?> anchors = new(StringComparer.Ordinal);
    private readonly List<JsonNode?> documents = [];
    private long nodes;
    private long scalarChars;
    private int aliases;
    private long aliasCopies;

    private JsonEventBuilder(YamlLimits limits) => this.limits = limits;

    public static List<JsonNode?> Build(string text, YamlLimits limits)
    {
        var builder = new JsonEventBuilder(limits);
        var parser = new Parser(new StringReader(text));
        while (MoveNext(parser))
        {
            builder.On(parser.Current!);
        }

        return builder.documents;
    }

    /// <summary>
    /// The parser's next event. On some malformed text (a tag that is no URI, an alias inside a broken flow
    /// collection) YamlDotNet throws something other than a <see cref="YamlException"/>; that is a syntax error too.
    /// </summary>
    private static bool MoveNext(Parser parser)
    {
        try
        {
            return parser.MoveNext();
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            throw Fail(parser.Current?.End ?? Mark.Empty, $"the YAML is malformed after this point ({Excerpt.Clip(e.Message, 120)}); check the syntax of the next value.");
        }
    }

    private void On(ParsingEvent e)
    {
        switch (e)
        {
            case DocumentStart:
                anchors.Clear();
                break;
            case Scalar scalar:
                OnScalar(scalar);
                break;
            case AnchorAlias alias:
                OnAlias(alias);
                break;
            case MappingStart mapping:
                Open(new CollectionFrame(new JsonObject(), e.Start, Anchor(mapping.Anchor), nodes, scalarChars, stack.Count + 1), mapping.Tag, "map");
                break;
            case SequenceStart sequence:
                Open(new CollectionFrame(new JsonArray(), e.Start, Anchor(sequence.Anchor), nodes, scalarChars, stack.Count + 1), sequence.Tag, "seq");
                break;
            case MappingEnd or SequenceEnd:
                Close();
                break;
        }
    }

    private static string? Anchor(AnchorName name) => name.IsEmpty ? null : name.Value;

    private void Open(CollectionFrame frame, TagName tag, string expected)
    {
        if (!tag.IsEmpty && !tag.IsNonSpecific && tag.Value != Core + expected)
        {
            throw Fail(frame.Start, $"the tag '{Excerpt.Clip(tag.Value)}' is not supported; remove it.");
        }

        if (frame.Depth > limits.MaxDepth)
        {
            throw Fail(frame.Start, $"the file nests more than {limits.MaxDepth} levels deep; flatten it.");
        }

        Charge(frame.Start, 1, 0);
        if (frame.Anchor is { } anchor)
        {
            Define(frame.Start, anchor, null);
        }

        stack.Push(frame);
    }

    private void Close()
    {
        var frame = stack.Pop();
        var value = frame.Finish();
        if (frame.Anchor is { } anchor)
        {
            anchors[anchor] = new Anchored(value, nodes - frame.NodesAtStart, scalarChars - frame.CharsAtStart, frame.Height);
        }

        if (stack.TryPeek(out var parent))
        {
            parent.Height = Math.Max(parent.Height, frame.Height + 1);
        }

        Attach(value, frame.Start, isMergeable: true);
    }

    private void OnScalar(Scalar scalar)
    {
        Charge(scalar.Start, 1, scalar.Value.Length);
        var isMergeKey = scalar.Style is ScalarStyle.Plain && scalar.Tag.IsEmpty && scalar.Value == "<<";
        if (stack.TryPeek(out var top) && top.AwaitsKey)
        {
            top.SetKey(scalar.Start, isMergeKey ? null : KeyText(Resolve(scalar)));
            Remember(scalar);
            return;
        }

        var value = Resolve(scalar);
        Remember(scalar, value);
        Attach(value, scalar.Start, isMergeable: false);
    }

    private void Remember(Scalar scalar, JsonNode? value = null)
    {
        if (!scalar.Anchor.IsEmpty)
        {
            Define(scalar.Start, scalar.Anchor.Value, null);
            anchors[scalar.Anchor.Value] = new Anchored(value ?? Resolve(scalar), 1, scalar.Value.Length, 0);
        }
    }

    private void OnAlias(AnchorAlias alias)
    {
        if (++aliases > limits.MaxAliases)
        {
            throw Fail(alias.Start, $"the file uses more than {limits.MaxAliases:N0} aliases; write the values out or use fewer aliases.");
        }

        if (!anchors.TryGetValue(alias.Value.Value, out var anchored))
        {
            throw Fail(alias.Start, $"the alias '*{Excerpt.Clip(alias.Value.Value)}' names no anchor defined before it; define '&{Excerpt.Clip(alias.Value.Value)}' first.");
        }

        if (anchored is null)
        {
            throw Fail(alias.Start, $"the alias '*{Excerpt.Clip(alias.Value.Value)}' is used inside its own anchor; a recursive value has no JSON form.");
        }

        if (stack.Count + anchored.Height > limits.MaxDepth)
        {
            throw Fail(alias.Start, $"the alias '*{Excerpt.Clip(alias.Value.Value)}' makes the file nest more than {limits.MaxDepth} levels deep; flatten it.");
        }

        aliasCopies += anchored.Nodes;
        if (aliasCopies > limits.MaxAliasCopies)
        {
            throw Fail(alias.Start, $"aliases in the file copy more than {limits.MaxAliasCopies:N0} values (aliases count every copy); write the values out or use fewer aliases.");
        }

        Charge(alias.Start, anchored.Nodes, anchored.ScalarChars);
        if (stack.TryPeek(out var top))
        {
            top.Height = Math.Max(top.Height, anchored.Height + 1);
            if (top.AwaitsKey)
            {
                top.SetKey(alias.Start, anchored.Value is JsonObject or JsonArray
                    ? throw Fail(alias.Start, "a mapping key must be a scalar, not a mapping or a list.")
                    : KeyText(anchored.Value));
                return;
            }
        }

        Attach(anchored.Value?.DeepClone(), alias.Start, isMergeable: true);
    }

    private void Define(Mark at, string anchor, Anchored? value)
    {
        if (anchors.TryGetValue(anchor, out _))
        {
            throw Fail(at, $"the anchor '&{Excerpt.Clip(anchor)}' is defined twice in one document; rename one.");
        }

        anchors[anchor] = value;
    }

    private void Attach(JsonNode? value, Mark at, bool isMergeable)
    {
        if (!stack.TryPeek(out var top))
        {
            documents.Add(value);
            return;
        }

        top.Add(value, at, isMergeable);
    }

    private void Charge(Mark at, long moreNodes, long moreChars)
    {
        nodes += moreNodes;
        scalarChars += moreChars;
        if (nodes > limits.MaxNodes)
        {
            throw Fail(at, $"the file expands to more than {limits.MaxNodes:N0} values (aliases count every copy); write a smaller pipeline or use fewer aliases.");
        }

        if (scalarChars > limits.MaxScalarChars)
        {
            throw Fail(at, $"the file expands to more than {limits.MaxScalarChars:N0} characters of text (aliases count every copy); use fewer aliases.");
        }
    }

    private static JsonNode? Resolve(Scalar scalar)
    {
        var text = scalar.Value;
        if (scalar.Tag.IsEmpty || scalar.Tag.Value == "!")
        {
            return scalar.Style is ScalarStyle.Plain ? Finite(scalar.Start, YamlScalarResolver.ResolvePlain(Plain(scalar))) : JsonValue.Create(text);
        }

        var tag = scalar.Tag.Value;
        return tag switch
        {
            Core + "str" => JsonValue.Create(text),
            Core + "null" => null,
            Core + "int" => YamlScalarResolver.ResolveTaggedInteger(text) ?? throw Fail(scalar.Start, "a value tagged !!int is not an integer."),
            Core + "float" => Finite(scalar.Start, YamlScalarResolver.ResolveTaggedFloat(text) ?? throw Fail(scalar.Start, "a value tagged !!float is not a number.")),
            Core + "bool" => YamlScalarResolver.ResolveTaggedBoolean(text) ?? throw Fail(scalar.Start, "a value tagged !!bool is not a boolean."),
            _ => throw Fail(scalar.Start, $"the tag '{Excerpt.Clip(tag)}' is not supported; remove it."),
        };
    }

    /// <summary>
    /// A plain scalar's text. YAML ends a plain scalar at ": ", so one that holds it was misread (YamlDotNet does
    /// this after a word starting with '*'); refuse it rather than read a different value than PyYAML and KFP.
    /// </summary>
    private static string Plain(Scalar scalar) =>
        scalar.Value.Contains(": ", StringComparison.Ordinal) || scalar.Value.Contains(":\t", StringComparison.Ordinal)
            ? throw Fail(scalar.Start, "this unquoted text holds ': ' after a word starting with '*', which YAML readers disagree on; quote the text.")
            : scalar.Value;

    private static JsonNode? Finite(Mark at, JsonNode? value) =>
        value is JsonValue number && number.TryGetValue<double>(out var d) && !double.IsFinite(d)
            ? throw Fail(at, "infinity and NaN have no JSON form and KFP cannot store them; quote the value or use a finite number.")
            : value;

    /// <summary>A resolved key as PyYAML's keys end up in JSON: numbers and booleans as their text.</summary>
    internal static string KeyText(JsonNode? key) => key switch
    {
        null => "null",
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonValue value when value.TryGetValue<bool>(out var flag) => flag ? "true" : "false",
        _ => key.ToJsonString(),
    };

    internal static YamlException Fail(Mark at, string reason) => new(at, at, reason);

    private sealed record Anchored(JsonNode? Value, long Nodes, long ScalarChars, int Height);
}
