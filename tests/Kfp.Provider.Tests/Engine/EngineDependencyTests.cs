using Kfp.Provider.Engine;
using Kfp.Provider.Host;

namespace Kfp.Provider.Tests.Engine;

/// <summary>
/// The engine knows no resource, no configuration, no schema and no wire type: dependencies point one way
/// (Protocol → Engine ← Resources ← Host). Read from the compiled assembly, method bodies included, so a
/// fully qualified name or a lambda cannot hide a reference.
/// </summary>
public sealed class EngineDependencyTests
{
    private static readonly string[] Forbidden =
    [
        "Kfp.Provider.Host",
        "Kfp.Provider.Resources",
        "Kfp.Provider.Configuration",
        "Kfp.Provider.Schema",
        "Kfp.Provider.Protocol.Wire",
        "Kfp.Provider.Protocol.Grpc",
    ];

    [Fact]
    public void Engine_ReferencesNoHostResourcesConfigurationSchemaOrWire()
    {
        var engine = TypeReferences.Of(typeof(Resource).Assembly, "Kfp.Provider.Engine");
        Assert.NotEmpty(engine.Scanned);

        var offending = engine.Where(Forbidden);

        Assert.True(offending.Count == 0, "Engine/ must not reference these (move the code to Host/ or pass it in):\n" + string.Join("\n", offending));
    }

    [Fact]
    public void Scanner_SeesReferencesInSignaturesAndMethodBodies()
    {
        // Host names every resource (method bodies) and the configuration (fields): the scanner must see both,
        // or the test above could pass without looking.
        var host = TypeReferences.Of(typeof(KfpPackage).Assembly, "Kfp.Provider.Host");

        var found = host.Where(["Kfp.Provider.Resources", "Kfp.Provider.Configuration"]);

        Assert.Contains(found, f => f.Contains("-> Kfp.Provider.Resources.ExperimentResource", StringComparison.Ordinal));
        Assert.Contains(found, f => f.Contains("-> Kfp.Provider.Configuration.IEnvironment", StringComparison.Ordinal));
    }
}
