using System.Text.Json.Nodes;

namespace Kfp.Compiler.Tests.Ir;

public sealed class JsonTreeReaderTests
{
    [Fact]
    public void Parse_RepeatedKeysAndShortValues_AreOneInstanceEach()
    {
        var root = (JsonObject)JsonTreeReader.Parse("""{"a": {"parameterType": "STRING"}, "b": {"parameterType": "STRING"}, "c": {"param\u0065terType": "STRING"}}""")!;

        var keys = root.Select(p => ((JsonObject)p.Value!).GetAt(0).Key).ToList();
        var values = root.Select(p => ((JsonObject)p.Value!)["parameterType"]!.GetValue<string>()).ToList();
        Assert.All(keys, key => Assert.Same(keys[0], key));
        Assert.All(values, value => Assert.Same(values[0], value));
        Assert.Equal("parameterType", keys[0]);
    }

    [Fact]
    public void Parse_LongValues_AreEqualButNotShared()
    {
        var text = new string('x', 33);
        var array = (JsonArray)JsonTreeReader.Parse($"[\"{text}\", \"{text}\"]")!;

        Assert.Equal(text, array[0]!.GetValue<string>());
        Assert.Equal(text, array[1]!.GetValue<string>());
        Assert.NotSame(array[0]!.GetValue<string>(), array[1]!.GetValue<string>());
    }

    [Fact]
    public void Parse_ManyDistinctStrings_ReadsEveryOne()
    {
        // More distinct strings than are shared: the later ones are made each time, and all read back.
        var names = Enumerable.Range(0, 5000).Select(i => $"task-{i}").ToList();
        var root = (JsonObject)JsonTreeReader.Parse("{" + string.Join(",", names.Select(n => $"\"{n}\": \"{n}\"")) + "}")!;

        Assert.Equal(names, root.Select(p => p.Key));
        Assert.Equal(names, root.Select(p => p.Value!.GetValue<string>()));
    }
}
