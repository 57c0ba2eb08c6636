using System.Text.Json;
using System.Text.Json.Nodes;
using Kfp.Provider.Engine;

namespace Kfp.Provider.Schema;

/// <summary>
/// Generates the package schema (schema.json) from the resource, function and configuration definitions in
/// code, so there is one source of truth. The output is deterministic: same definitions, same bytes.
/// </summary>
internal static class SchemaGenerator
{
    public static string Generate(PackageCatalog catalog)
    {
        var config = Properties(catalog.Config);
        var root = new JsonObject
        {
            ["name"] = PackageInfo.Name,
            ["version"] = PackageInfo.Version,
            ["displayName"] = PackageInfo.DisplayName,
            ["description"] = PackageInfo.Description,
            ["keywords"] = new JsonArray("pulumi", "kubeflow", "kfp", "mlops", "category/cloud", "kind/native"),
            ["license"] = "Apache-2.0",
            ["publisher"] = "pulumi-kfp",
            ["meta"] = new JsonObject { ["moduleFormat"] = "(.*)" },
            ["config"] = new JsonObject { ["variables"] = config },
            ["provider"] = new JsonObject
            {
                ["description"] = "The provider type for the kfp package. Configure it with `pulumi config set kfp:<key>` or as inputs of an explicit provider.",
                ["inputProperties"] = Properties(catalog.Config),
            },
            ["types"] = Types(catalog),
            ["resources"] = Resources(catalog),
            ["functions"] = Functions(catalog),
            ["language"] = new JsonObject
            {
                ["csharp"] = new JsonObject
                {
                    ["rootNamespace"] = "PulumiKfp",
                    ["packageReferences"] = new JsonObject { ["Pulumi"] = "3.*" },
                    ["respectSchemaVersion"] = true,
                },
                ["nodejs"] = new JsonObject { ["packageName"] = "@pulumi-kfp/kfp", ["respectSchemaVersion"] = true },
                ["python"] = new JsonObject { ["packageName"] = "pulumi_kfp", ["respectSchemaVersion"] = true },
                ["go"] = new JsonObject { ["importBasePath"] = "github.com/pulumi-kfp/pulumi-kfp/sdk/go/kfp", ["respectSchemaVersion"] = true },
            },
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    private static JsonObject Resources(PackageCatalog catalog)
    {
        var resources = new JsonObject();
        foreach (var def in catalog.Resources.OrderBy(d => d.Token, StringComparer.Ordinal))
        {
            var required = def.Properties.Where(p => p.AlwaysOutput || p.Required || (p.Name == "name" && def.AutoNamed));
            resources[def.Token] = new JsonObject
            {
                ["description"] = def.Description,
                ["properties"] = Properties(def.Properties),
                ["required"] = Names(required),
                ["inputProperties"] = Properties(def.Inputs),
                ["requiredInputs"] = Names(def.Inputs.Where(p => p.Required)),
            };
        }
        return resources;
    }

    private static JsonObject Types(PackageCatalog catalog)
    {
        var types = new JsonObject();
        foreach (var type in catalog.Types.OrderBy(t => t.Token, StringComparer.Ordinal))
        {
            types[type.Token] = new JsonObject
            {
                ["type"] = "object",
                ["description"] = type.Description,
                ["properties"] = Properties(type.Properties),
                ["required"] = Names(type.Properties.Where(p => p.Required)),
            };
        }
        return types;
    }

    private static JsonObject Functions(PackageCatalog catalog)
    {
        var functions = new JsonObject();
        foreach (var fn in catalog.Functions.OrderBy(f => f.Token, StringComparer.Ordinal))
        {
            functions[fn.Token] = new JsonObject
            {
                ["description"] = fn.Description,
                ["inputs"] = new JsonObject
                {
                    ["properties"] = Properties(fn.Inputs),
                    ["required"] = Names(fn.Inputs.Where(p => p.Required)),
                },
                ["outputs"] = new JsonObject
                {
                    ["properties"] = Properties(fn.Outputs),
                    ["required"] = Names(fn.Outputs.Where(p => p.AlwaysOutput)),
                },
            };
        }
        return functions;
    }

    private static JsonObject Properties(IEnumerable<PropertySpec> specs)
    {
        var result = new JsonObject();
        foreach (var spec in specs)
        {
            var node = TypeOf(spec);
            node["description"] = spec.Description;
            if (spec.Secret)
            {
                node["secret"] = true;
            }
            if (spec.ReplaceOnChanges && spec.Input)
            {
                node["replaceOnChanges"] = true;
                node["willReplaceOnChanges"] = true;
            }
            if (spec.Default is { } d)
            {
                node["default"] = d switch
                {
                    bool b => JsonValue.Create(b),
                    int i => JsonValue.Create(i),
                    long l => JsonValue.Create(l),
                    double x => JsonValue.Create(x),
                    string t => JsonValue.Create(t),
                    _ => throw new InvalidOperationException($"property {spec.Name}: schema defaults must be a bool, number or string, not {d.GetType().Name}"),
                };
            }
            result[spec.Name] = node;
        }
        return result;
    }

    private static JsonObject TypeOf(PropertySpec spec) => spec.Type switch
    {
        PropertyType.String => new JsonObject { ["type"] = "string" },
        PropertyType.Integer => new JsonObject { ["type"] = "integer" },
        PropertyType.Number => new JsonObject { ["type"] = "number" },
        PropertyType.Boolean => new JsonObject { ["type"] = "boolean" },
        PropertyType.StringList => new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } },
        PropertyType.StringMap => new JsonObject { ["type"] = "object", ["additionalProperties"] = new JsonObject { ["type"] = "string" } },
        PropertyType.Any => new JsonObject { ["$ref"] = "pulumi.json#/Any" },
        PropertyType.ObjectList => new JsonObject
        {
            ["type"] = "array",
            ["items"] = new JsonObject { ["$ref"] = $"#/types/{spec.ObjectType}" },
        },
        _ => throw new InvalidOperationException($"no schema type for {spec.Type}"),
    };

    private static JsonArray Names(IEnumerable<PropertySpec> specs) =>
        new([.. specs.Select(s => s.Name).Distinct(StringComparer.Ordinal).Select(n => (JsonNode?)JsonValue.Create(n))]);
}
