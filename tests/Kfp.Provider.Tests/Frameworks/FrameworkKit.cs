using Kfp.Provider.Protocol.Values;
using Kfp.Provider.Protocol.Wire;

namespace Kfp.Provider.Tests.Frameworks;

/// <summary>Inputs and readers shared by the framework tests.</summary>
internal static class FrameworkKit
{
    public const string Pipeline = "kfp:index:Pipeline";

    public const string Framework = "kfp:index:Framework";

    public static readonly string[] CopyCommand = ["python3", "-c", "import shutil,sys; shutil.copy(sys.argv[1], sys.argv[2])", "{source}", "{output}"];

    public static string Urn(string type, string name) => $"urn:pulumi:test::frameworks::{type}::{name}";

    public static PropertyMap FrameworkInputs(string name, IEnumerable<string> command, params (string Key, PropertyValue Value)[] extra) =>
        extra.Aggregate(PropertyMap.Empty.With("name", PropertyValue.Of(name)).With("command", PropertyValue.Of(command.Select(PropertyValue.Of))),
            (m, e) => m.With(e.Key, e.Value));

    public static PropertyMap PipelineInputs(string name, string source, string framework) => PropertyMap.Empty
        .With("name", PropertyValue.Of(name)).With("source", PropertyValue.Of(source)).With("framework", PropertyValue.Of(framework));

    public static PropertyMap Inputs(CheckResponse check) => PropertyValueCodec.FromStruct(check.Inputs);

    public static string Text(PropertyMap map, string key) => Assert.IsType<StringValue>(map.Get(key).Plain).Value;

    public static CheckFailure Failure(CheckResponse check, string property)
    {
        var failure = Assert.Single(check.Failures);
        Assert.Equal(property, failure.Property);
        return failure;
    }

    /// <summary>What the built-in <c>ir</c> framework makes of a sample: the hash every executor must reproduce.</summary>
    public static async Task<string> IrHashAsync(Lifecycle.ProviderClient client, string source)
    {
        var check = await client.CheckAsync(Urn(Pipeline, "ir-" + source.Replace('.', '-')), PropertyMap.Empty,
            PropertyMap.Empty.With("name", PropertyValue.Of("ir")).With("source", PropertyValue.Of(source)).With("framework", PropertyValue.Of("ir")));
        Assert.Empty(check.Failures);
        return Text(Inputs(check), "specHash");
    }
}
