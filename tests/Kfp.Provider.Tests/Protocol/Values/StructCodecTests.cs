using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Kfp.Provider.Protocol.Values;
using StringValue = Kfp.Provider.Protocol.Values.StringValue;
using Value = Google.Protobuf.WellKnownTypes.Value;

namespace Kfp.Provider.Tests.Protocol.Values;

/// <summary>
/// The byte codec against Google.Protobuf's own Struct: whatever one writes, the other reads as the same value, for
/// generated trees with every kind of value (secrets, unknowns, references, outputs, nesting, Unicode, empty keys).
/// Struct equality is protobuf's deep equality, so secret wrappers and unknowns count, unlike the diff's comparer.
/// </summary>
public sealed class StructCodecTests
{
    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, 200)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Write_ReadByProtobuf_IsTheSameStruct(int seed)
    {
        var map = Generated(seed);

        var parsed = Struct.Parser.ParseFrom(StructCodec.Write(map));

        Assert.Equal(PropertyValueCodec.ToStruct(map), parsed);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void WrittenByProtobuf_Read_IsTheSameStruct(int seed)
    {
        var expected = PropertyValueCodec.ToStruct(Generated(seed));

        var read = StructCodec.Read(expected.ToByteArray());

        Assert.Equal(expected, PropertyValueCodec.ToStruct(read));
    }

    [Fact]
    public void Read_UnknownFieldsAndRepeatedKeys_AreReadAsProtobufReadsThem()
    {
        var bytes = new Struct { Fields = { ["a"] = Value.ForString("first") } }.ToByteArray()
            .Concat(new Struct { Fields = { ["a"] = Value.ForNumber(2), ["b"] = Value.ForBool(true) } }.ToByteArray())
            .Concat(new byte[] { 0x98, 0x06, 0x07 }) // field 99, varint 7: not a Struct field
            .ToArray();

        var read = StructCodec.Read(bytes);

        // Protobuf keeps the unknown field aside; the values are the same.
        Assert.Equal(new Struct { Fields = { ["a"] = Value.ForNumber(2), ["b"] = Value.ForBool(true) } }, PropertyValueCodec.ToStruct(read));
        Assert.Equal(Struct.Parser.ParseFrom(bytes).Fields, PropertyValueCodec.ToStruct(read).Fields);
    }

    [Theory]
    [InlineData("c44067f5952c0a294b673a41bacd8c17", "assets and archives")]
    [InlineData("803fd3297a5875dc03ca845dda5d2a98", "byte strings")]
    [InlineData("not-a-signature", "unknown special value signature 'not-a-signature'")]
    public void Read_RefusedValueDeepInside_NamesItsPathAsTheObjectCodecDoes(string signature, string expected)
    {
        var special = new Struct { Fields = { ["4dabf18193072939515e22adb298388d"] = Value.ForString(signature) } };
        var input = new Struct
        {
            Fields = { ["source"] = Value.ForStruct(new Struct { Fields = { ["files"] = Value.ForList(Value.ForString("ok"), Value.ForStruct(special)) } }) },
        };

        var error = Assert.Throws<PropertyValueException>(() => StructCodec.Read(input.ToByteArray()));
        var objectCodec = Assert.Throws<PropertyValueException>(() => PropertyValueCodec.FromStruct(input));

        Assert.Equal("source.files[1]", error.Path);
        Assert.Equal(objectCodec.Message, error.Message);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0x0A, 0x01, 0x80 }, "cut short")]
    [InlineData(new byte[] { 0x0A, 0x7F }, "past the end")]
    [InlineData(new byte[] { 0x0B }, "wire type 3")]
    [InlineData(new byte[] { 0x0A, 0x04, 0x0A, 0x02, 0xC3, 0x28 }, "not UTF-8")]
    public void Read_MalformedBytes_FailsSayingWhat(byte[] bytes, string expected)
    {
        var error = Assert.Throws<InvalidDataException>(() => StructCodec.Read(bytes));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StructCodec.MaxDepth, true)]
    [InlineData(StructCodec.MaxDepth + 1, false)]
    [InlineData(20_000, false)]
    public void Read_DeepNesting_IsReadUpToProtobufsLimitThenRefused(int depth, bool readable)
    {
        // Written by hand: protobuf's own writer recurses once per level and would overflow the stack first.
        var value = Field(3, "leaf"u8.ToArray()); // Value { string_value }
        for (var i = 1; i < depth; i++)
        {
            value = i % 2 == 0
                ? Field(6, Field(1, value)) // Value { list_value: ListValue { values } }
                : Field(5, Field(1, [.. Field(1, "k"u8.ToArray()), .. Field(2, value)])); // Value { struct_value: Struct { fields { key, value } } }
        }
        var bytes = Field(1, [.. Field(1, "deep"u8.ToArray()), .. Field(2, value)]);

        if (readable)
        {
            Assert.IsType<ObjectValue>(StructCodec.Read(bytes)["deep"]);
        }
        else
        {
            Assert.Contains("nested more than 100 deep", Assert.Throws<InvalidDataException>(() => StructCodec.Read(bytes)).Message, StringComparison.Ordinal);
        }
    }

    /// <summary>A length-delimited field: its tag, its length as a varint, its bytes.</summary>
    private static byte[] Field(int number, byte[] payload)
    {
        var header = new List<byte> { (byte)(number << 3 | 2) };
        for (var length = (uint)payload.Length; ; length >>= 7)
        {
            header.Add((byte)(length < 0x80 ? length : (length & 0x7F) | 0x80));
            if (length < 0x80)
            {
                break;
            }
        }
        return [.. header, .. payload];
    }

    [Fact]
    public void LargeValue_ReadTwice_IsOneInstance_AndWrittenAgainAsTheSameBytes()
    {
        var tasks = PropertyValue.Of(Enumerable.Range(0, 2_000).Select(i => PropertyValue.Of(PropertyMap.Empty
            .With("image", PropertyValue.Of($"registry.example/step:{i}")).With("after", PropertyValue.Of([PropertyValue.Of($"step-{i - 1}")])))));
        var map = PropertyMap.Empty.With("name", PropertyValue.Of("p")).With("tasks", tasks);
        var bytes = PropertyValueCodec.ToStruct(map).ToByteArray();

        var first = StructCodec.Read(bytes);
        var second = StructCodec.Read(bytes.ToArray());

        Assert.Same(first["tasks"], second["tasks"]);
        Assert.NotSame(first["name"], second["name"]);
        Assert.Equal(PropertyValueCodec.ToStruct(map), Struct.Parser.ParseFrom(StructCodec.Write(first)));
        Assert.Equal(StructCodec.Write(first), StructCodec.Write(second));
    }

    [Fact]
    public void LargeValue_OneByteChanged_IsReadAfresh()
    {
        var text = new string('x', 40_000);
        var bytes = new Struct { Fields = { ["mermaid"] = Value.ForString(text) } }.ToByteArray();
        var changed = bytes.ToArray();
        changed[^1] = (byte)'y';

        var first = StructCodec.Read(bytes);
        var second = StructCodec.Read(changed);

        Assert.NotSame(first["mermaid"], second["mermaid"]);
        Assert.Equal(text[..^1] + "y", Assert.IsType<StringValue>(second["mermaid"]).Value);
    }

    [Fact]
    public void LargeValue_WrittenOnce_IsFoundByItsBytes()
    {
        var tasks = PropertyValue.Of(Enumerable.Range(0, 3_000).Select(i => PropertyValue.Of($"task {i} of a written view")));
        var written = StructCodec.Write(PropertyMap.Empty.With("tasks", tasks));

        var read = StructCodec.Read(written);

        Assert.Same(tasks, read["tasks"]);
    }

    [Fact]
    public void LargeString_WrittenOnce_IsFoundByItsTextInANewValue()
    {
        // The Mermaid chart is kept as a string and a new value is made around it on every Check.
        var text = new string('m', 40_000) + Guid.NewGuid();
        var written = StructCodec.Write(PropertyMap.Empty.With("mermaid", PropertyValue.Of(text)));

        var again = PropertyValue.Of(text);

        Assert.Same(LargeValues.Encoded(PropertyValue.Of(text)), LargeValues.Encoded(again));
        Assert.NotNull(LargeValues.Encoded(again));
        Assert.Equal(written, StructCodec.Write(PropertyMap.Empty.With("mermaid", again)));
        Assert.Null(LargeValues.Encoded(PropertyValue.Of(new string(text.AsSpan()))));
    }

    /// <summary>A property map of up to four levels with every kind of value, from <paramref name="seed"/>.</summary>
    private static PropertyMap Generated(int seed)
    {
        var random = new Random(seed);
        return Map(random, depth: 0);
    }

    private static PropertyMap Map(Random random, int depth)
    {
        var map = PropertyMap.Empty;
        for (var i = random.Next(0, 6); i > 0; i--)
        {
            map = map.With(Key(random), Any(random, depth + 1));
        }
        return map;
    }

    private static PropertyValue Any(Random random, int depth) => random.Next(depth >= 4 ? 7 : 12) switch
    {
        0 => PropertyValue.Null,
        1 => PropertyValue.Of(random.Next(2) == 0),
        2 => PropertyValue.Of(random.Next(5) switch { 0 => 0.0, 1 => -0.0, 2 => double.MaxValue, 3 => random.NextDouble() * 1e9, _ => -random.Next() }),
        3 => PropertyValue.Of(Key(random)),
        4 => PropertyValue.Unknown,
        5 => PropertyValue.Of(new string('ä', random.Next(0, 200)) + "€𝄞"),
        6 => PropertyValue.Of(""),
        7 => PropertyValue.Of(Enumerable.Range(0, random.Next(0, 5)).Select(_ => Any(random, depth + 1))),
        8 => PropertyValue.Of(Map(random, depth)),
        9 => PropertyValue.MakeSecret(Any(random, depth + 1)),
        10 => new ResourceRefValue($"urn:pulumi:dev::p::kfp:index:Experiment::e{random.Next(9)}", random.Next(2) == 0 ? null : "id-1", random.Next(2) == 0 ? "" : "0.1.0"),
        _ => new OutputValue(random.Next(3) == 0 ? null : Any(random, depth + 1), random.Next(2) == 0, random.Next(2) == 0 ? [] : ["urn:a", "urn:b"]),
    };

    private static string Key(Random random) => random.Next(8) switch
    {
        0 => "",
        1 => "schlüssel",
        2 => new string('k', random.Next(100, 300)),
        _ => $"k{random.Next(1000)}",
    };
}
