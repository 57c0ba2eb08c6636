using System.Text.Json.Nodes;
using Kfp.Provider.Host;
using Kfp.Provider.Schema;

namespace Kfp.Provider.Tests.Schema;

public sealed class SchemaTests
{
    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "pulumi-kfp.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("repository root (pulumi-kfp.slnx) not found above the test binaries");
    }

    [Fact]
    public void CommittedSchema_IsGeneratedFromTheDefinitions()
    {
        var committed = File.ReadAllText(Path.Combine(RepoRoot(), "schema.json"));

        var generated = SchemaGenerator.Generate(KfpPackage.Catalog);

        Assert.True(committed == generated, "schema.json is stale: run `make schema` and commit it");
    }

    [Fact]
    public void Generate_IsDeterministic()
    {
        Assert.Equal(SchemaGenerator.Generate(KfpPackage.Catalog), SchemaGenerator.Generate(KfpPackage.Catalog));
    }

    [Fact]
    public void Generate_DeclaresEveryResourceWithTokenPattern_AndNoImplicitIdOrUrn()
    {
        var schema = JsonNode.Parse(SchemaGenerator.Generate(KfpPackage.Catalog))!;

        Assert.Equal("kfp", schema["name"]!.GetValue<string>());
        Assert.Equal(PackageInfo.Version, schema["version"]!.GetValue<string>());
        foreach (var (token, resource) in schema["resources"]!.AsObject())
        {
            Assert.Matches("^kfp:index:[A-Z][A-Za-z]+$", token);
            Assert.Null(resource!["properties"]!["id"]);
            Assert.Null(resource["properties"]!["urn"]);
            foreach (var required in resource["requiredInputs"]!.AsArray())
            {
                Assert.NotNull(resource["inputProperties"]![required!.GetValue<string>()]);
            }
        }
        Assert.True(schema["config"]!["variables"]!["token"]!["secret"]!.GetValue<bool>());
    }
}
