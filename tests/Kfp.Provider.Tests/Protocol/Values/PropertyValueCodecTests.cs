using Google.Protobuf.WellKnownTypes;
using Kfp.Provider.Protocol.Values;

namespace Kfp.Provider.Tests.Protocol.Values;

public sealed class PropertyValueCodecTests
{
    private const string Sig = "4dabf18193072939515e22adb298388d";

    public static TheoryData<string> UnknownSentinels =>
    [
        "04da6b54-80e4-46f7-96ec-b56ff0331ba9", "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7", "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
        "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2", "030794c1-ac77-496b-92df-f27374a8bd58", "e48ece36-62e2-4504-bad9-02848725956a",
        "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
    ];

    [Theory]
    [MemberData(nameof(UnknownSentinels))]
    public void FromValue_EverySentinel_ReadsUnknown(string sentinel)
    {
        var value = PropertyValueCodec.FromValue(Value.ForString(sentinel), "p");

        Assert.IsType<UnknownValue>(value);
    }

    [Fact]
    public void ToValue_Unknown_WritesStringSentinel()
    {
        Assert.Equal("04da6b54-80e4-46f7-96ec-b56ff0331ba9", PropertyValueCodec.ToValue(PropertyValue.Unknown).StringValue);
    }

    [Fact]
    public void FromStruct_SecretWrappingUnknownInsideList_KeepsBoth()
    {
        var secret = Special("1b47061264138c4ac30d75fd1eb44270", ("value", Value.ForString("04da6b54-80e4-46f7-96ec-b56ff0331ba9")));
        var input = new Struct { Fields = { ["xs"] = Value.ForList(Value.ForString("a"), secret) } };

        var map = PropertyValueCodec.FromStruct(input);

        var items = Assert.IsType<ArrayValue>(map["xs"]).Items;
        var inner = Assert.IsType<SecretValue>(items[1]);
        Assert.IsType<UnknownValue>(inner.Inner);
        Assert.True(map["xs"].ContainsSecrets);
        Assert.True(map["xs"].ContainsUnknowns);
    }

    [Fact]
    public void RoundTrip_NestedValues_AreIdentical()
    {
        var map = PropertyMap.Empty
            .With("s", PropertyValue.Of("x"))
            .With("n", PropertyValue.Of(3))
            .With("b", PropertyValue.Of(true))
            .With("null", PropertyValue.Null)
            .With("obj", PropertyValue.Of(PropertyMap.Empty.With("secret", PropertyValue.MakeSecret(PropertyValue.Of("pw")))))
            .With("ref", new ResourceRefValue("urn:pulumi:dev::p::kfp:index:Experiment::e", "id-1", "0.1.0"))
            .With("out", new OutputValue(PropertyValue.Of("v"), Secret: true, ["urn:a"]));

        var back = PropertyValueCodec.FromStruct(PropertyValueCodec.ToStruct(map));

        Assert.True(PropertyValueComparer.DeepEquals(map, back));
        Assert.IsType<SecretValue>(((ObjectValue)back["obj"]).Map["secret"]);
        var reference = Assert.IsType<ResourceRefValue>(back["ref"]);
        Assert.Equal(("id-1", "0.1.0"), (reference.Id, reference.PackageVersion));
        var output = Assert.IsType<OutputValue>(back["out"]);
        Assert.True(output.Secret);
        Assert.Equal(["urn:a"], output.Dependencies.ToArray());
    }

    [Fact]
    public void FromValue_ResourceReferenceWithUnknownId_HasNullId()
    {
        var value = Special("5cf8f73096256a8f31e491e813e4eb8e", ("urn", Value.ForString("urn:x")), ("id", Value.ForString("")));

        var reference = Assert.IsType<ResourceRefValue>(PropertyValueCodec.FromValue(value, "p"));

        Assert.Null(reference.Id);
    }

    [Fact]
    public void FromValue_OutputWithoutValue_IsUnknown()
    {
        var value = PropertyValueCodec.FromValue(Special("d0e6a833031e9bbcd3f4e8bde6ca49a4"), "p");

        Assert.True(value.ContainsUnknowns);
        Assert.IsType<UnknownValue>(value.Plain);
    }

    [Theory]
    [InlineData("c44067f5952c0a294b673a41bacd8c17", "assets and archives")]
    [InlineData("0def7320c3a5731c473e5ecbe6d01bc7", "assets and archives")]
    [InlineData("803fd3297a5875dc03ca845dda5d2a98", "byte strings")]
    public void FromStruct_AssetArchiveOrBytes_FailsNamingThePath(string signature, string expected)
    {
        var input = new Struct { Fields = { ["source"] = Value.ForStruct(new Struct { Fields = { ["file"] = Special(signature, ("path", Value.ForString("x"))) } }) } };

        var error = Assert.Throws<PropertyValueException>(() => PropertyValueCodec.FromStruct(input));

        Assert.Equal("source.file", error.Path);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromStruct_Null_IsEmptyMap()
    {
        Assert.Empty(PropertyValueCodec.FromStruct(null));
    }

    [Fact]
    public void Plain_RemovesSecretsAtEveryLevel()
    {
        var value = PropertyValue.Of([PropertyValue.MakeSecret(PropertyValue.Of(PropertyMap.Empty.With("k", PropertyValue.MakeSecret(PropertyValue.Of("v")))))]);

        Assert.False(value.Plain.ContainsSecrets);
        Assert.True(value.ContainsSecrets);
    }

    [Fact]
    public void Plain_NothingWrappedInside_IsTheValueItself()
    {
        var task = PropertyValue.Of(PropertyMap.Empty.With("image", PropertyValue.Of("a")).With("after", PropertyValue.Of([PropertyValue.Of("b")])));
        var view = PropertyValue.Of([task, PropertyValue.Of(PropertyMap.Empty.With("task", task))]);

        Assert.Same(view, view.Plain);
        Assert.Same(view, view.Plain);
    }

    [Fact]
    public void Plain_WrapperDeepInside_IsRemovedAndTheRestShared()
    {
        var shared = PropertyValue.Of(PropertyMap.Empty.With("image", PropertyValue.Of("a")));
        var value = PropertyValue.Of(PropertyMap.Empty
            .With("shared", shared)
            .With("deep", PropertyValue.Of([PropertyValue.Of(PropertyMap.Empty.With("token", PropertyValue.MakeSecret(PropertyValue.Of("s"))))]))
            .With("pending", new OutputValue(null, false, [])));

        var plain = Assert.IsType<ObjectValue>(value.Plain);

        Assert.Same(shared, plain.Map["shared"]);
        Assert.Equal("s", Assert.IsType<Kfp.Provider.Protocol.Values.StringValue>(Assert.IsType<ObjectValue>(Assert.IsType<ArrayValue>(plain.Map["deep"]).Items[0]).Map["token"]).Value);
        Assert.IsType<UnknownValue>(plain.Map["pending"]);
        Assert.True(value.ContainsSecrets);
        Assert.False(plain.ContainsSecrets);
        Assert.Same(plain, plain.Plain);
    }

    [Fact]
    public void DeepEquals_UnknownNeverEqual_SecretIgnored()
    {
        Assert.False(PropertyValueComparer.DeepEquals(PropertyValue.Unknown, PropertyValue.Unknown));
        Assert.True(PropertyValueComparer.DeepEquals(PropertyValue.MakeSecret(PropertyValue.Of("a")), PropertyValue.Of("a")));
        Assert.False(PropertyValueComparer.DeepEquals(PropertyValue.Of([PropertyValue.Of("a")]), PropertyValue.Of([PropertyValue.Of("a"), PropertyValue.Of("b")])));
    }

    [Fact]
    public void DeepEquals_OneInstance_IsEqualUnlessItHoldsAnUnknown()
    {
        var known = PropertyValue.Of([PropertyValue.Of(PropertyMap.Empty.With("image", PropertyValue.Of("a")))]);
        var holdsUnknown = PropertyValue.Of([PropertyValue.Of(PropertyMap.Empty.With("image", PropertyValue.Unknown))]);

        Assert.True(PropertyValueComparer.DeepEquals(known, known));
        Assert.False(PropertyValueComparer.DeepEquals(holdsUnknown, holdsUnknown));
        var unknownOutput = new OutputValue(null, false, []);
        Assert.False(PropertyValueComparer.DeepEquals(unknownOutput, unknownOutput));
    }

    private static Value Special(string signature, params (string Key, Value Value)[] fields)
    {
        var s = new Struct { Fields = { [Sig] = Value.ForString(signature) } };
        foreach (var (k, v) in fields)
        {
            s.Fields[k] = v;
        }
        return Value.ForStruct(s);
    }
}
