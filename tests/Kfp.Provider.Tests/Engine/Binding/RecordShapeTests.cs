using System.Collections.Immutable;
using Kfp.Provider.Engine;
using Kfp.Provider.Engine.Binding;
using Kfp.Provider.Protocol.Values;

namespace Kfp.Provider.Tests.Engine.Binding;

public sealed class RecordShapeTests
{
    private sealed record Item
    {
        public string? Host { get; init; }

        public long? Port { get; init; }

        public static RecordShape<Item> Shape { get; } = RecordShape<Item>.Inputs(() => new())
            .String("host", x => x.Host, (x, v) => x with { Host = v }, "Host.", Prop.Required)
            .Integer("port", x => x.Port, (x, v) => x with { Port = v }, "Port.", min: 1, max: 65535)
            .Tolerating("extra");
    }

    private sealed record Sample
    {
        public string? Name { get; init; }

        public bool? Enabled { get; init; }

        public ImmutableArray<string>? Tags { get; init; }

        public ImmutableSortedDictionary<string, string>? Env { get; init; }

        public ImmutableArray<Item>? Items { get; init; }

        public PropertyValue? Any { get; init; }

        public static RecordShape<Sample> Shape { get; } = RecordShape<Sample>.Inputs(() => new())
            .String("name", x => x.Name, (x, v) => x with { Name = v }, "The name.", Prop.Replace | Prop.Drift, Rules.KfpName)
            .Boolean("enabled", x => x.Enabled, (x, v) => x with { Enabled = v }, "On.", @default: true)
            .StringList("tags", x => x.Tags, (x, v) => x with { Tags = v }, "Tags.", itemRules: [Rules.NotEmpty])
            .StringMap("env", x => x.Env, (x, v) => x with { Env = v }, "Env.", Prop.Secret)
            .Objects("items", x => x.Items, (x, v) => x with { Items = v }, "Items.", Item.Shape, "test:index:Item")
            .Any("any", x => x.Any, (x, v) => x with { Any = v }, "Anything.", rule: Rules.Map("{a: 1}"));
    }

    private static PropertyMap Map(params (string Key, PropertyValue Value)[] values) =>
        PropertyMap.From(values.Select(v => KeyValuePair.Create(v.Key, v.Value)));

    private static PropertyValue Obj(params (string Key, PropertyValue Value)[] values) => PropertyValue.Of(Map(values));

    [Fact]
    public void Bind_EveryKind_ReadsTheRecordAndWritesTheSameMapBack()
    {
        var map = Map(
            ("name", PropertyValue.Of("train")),
            ("enabled", PropertyValue.Of(false)),
            ("tags", PropertyValue.Of([PropertyValue.Of("a"), PropertyValue.Of("b")])),
            ("env", Obj(("A", PropertyValue.Of("1")))),
            ("items", PropertyValue.Of([Obj(("host", PropertyValue.Of("h")), ("port", PropertyValue.Of(80)))])),
            ("any", Obj(("k", PropertyValue.Of(1)))));
        var binder = new Binder();

        var sample = Sample.Shape.Bind(map, binder);

        Assert.Empty(binder.Failures);
        Assert.Equal("train", sample.Name);
        Assert.False(sample.Enabled);
        Assert.Equal<string>(["a", "b"], sample.Tags!.Value);
        Assert.Equal("1", sample.Env!["A"]);
        Assert.Equal(new Item { Host = "h", Port = 80 }, Assert.Single(sample.Items!.Value));
        Assert.True(PropertyValueComparer.DeepEquals(PropertyValue.Of(map), PropertyValue.Of(Sample.Shape.Write(sample))));
    }

    [Fact]
    public void Bind_SecretsAreUnwrapped_UnknownsRecordedNeverFailures()
    {
        var map = Map(
            ("name", PropertyValue.MakeSecret(PropertyValue.Of("train"))),
            ("enabled", PropertyValue.Unknown),
            ("tags", PropertyValue.Of([PropertyValue.Of("a"), PropertyValue.Unknown])),
            ("items", PropertyValue.Of([PropertyValue.Unknown])));
        var binder = new Binder();

        var sample = Sample.Shape.Bind(map, binder);

        Assert.Empty(binder.Failures);
        Assert.Equal("train", sample.Name);
        Assert.Null(sample.Enabled);
        Assert.Equal<string>(["a"], sample.Tags!.Value);
        Assert.True(binder.IsUnknown("enabled"));
        Assert.True(binder.IsUnknown("tags"));
        Assert.True(binder.IsUnknown("items"));
        Assert.False(binder.IsUnknown("name"));
    }

    [Fact]
    public void Bind_BadValuesAtEveryDepth_FailOnTheirPathsAndAllAtOnce()
    {
        var map = Map(
            ("name", PropertyValue.Of(42)),
            ("tags", PropertyValue.Of([PropertyValue.Of("ok"), PropertyValue.Of(""), PropertyValue.Of(true)])),
            ("env", Obj(("A", PropertyValue.Of([])))),
            ("items", PropertyValue.Of([Obj(("port", PropertyValue.Of(0)), ("colour", PropertyValue.Of("x")), ("extra", PropertyValue.Of(1)))])),
            ("any", PropertyValue.Of("text")));
        var binder = new Binder();

        Sample.Shape.Bind(map, binder);

        var failures = binder.Failures.ToDictionary(f => f.Property, f => f.Reason);
        Assert.Equal(
            ["any", "env.A", "items[0].colour", "items[0].host", "items[0].port", "name", "tags[1]", "tags[2]"],
            failures.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("expected a string, got the number 42; quote it ('42') if you mean text", failures["name"]);
        Assert.Equal("must be between 1 and 65535, got 0", failures["items[0].port"]);
        Assert.Equal("is required; set 'host'", failures["items[0].host"]);
    }

    [Fact]
    public void Specs_CarryTheDeclaredAttributes()
    {
        var specs = Sample.Shape.Specs.ToDictionary(s => s.Name);

        Assert.Equal(["name", "enabled", "tags", "env", "items", "any"], Sample.Shape.Specs.Select(s => s.Name));
        Assert.True(specs["name"] is { ReplaceOnChanges: true, TracksDrift: true, Input: true, Type: PropertyType.String, Description: "The name." });
        Assert.Equal(true, specs["enabled"].Default);
        Assert.True(specs["env"].Secret);
        Assert.Equal("test:index:Item", specs["items"].ObjectType);
        Assert.Equal(PropertyType.Any, specs["any"].Type);
    }

    [Fact]
    public void Write_UnsetFields_LeaveTheMapAlone()
    {
        var onto = Map(("name", PropertyValue.Of("old")), ("other", PropertyValue.Of(1)));

        var written = Sample.Shape.Write(new Sample { Enabled = true }, onto);

        Assert.Equal(["enabled", "name", "other"], written.Keys);
        Assert.Equal(PropertyValue.Of("old"), written.Get("name"));
    }

    [Fact]
    public void Add_SamePropertyTwice_Throws()
    {
        var e = Assert.Throws<InvalidOperationException>(() => RecordShape<Item>.Inputs(() => new())
            .String("host", x => x.Host, (x, v) => x with { Host = v }, "a")
            .String("host", x => x.Host, (x, v) => x with { Host = v }, "b"));

        Assert.Contains("'host' is declared twice", e.Message, StringComparison.Ordinal);
    }
}
