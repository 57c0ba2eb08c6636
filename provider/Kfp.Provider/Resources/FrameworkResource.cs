using System.Collections.Immutable;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kfp.Compiler;
using Kfp.Kube.Http;
using Kfp.Kube.Client;
using Kfp.Provider.Engine;
using Kfp.Provider.Protocol.Values;
using static Kfp.Provider.Engine.PropertySpec;

namespace Kfp.Provider.Resources;

/// <summary>
/// <c>kfp:index:Framework</c>: a named pipeline compiler (an argv list run without a shell), stored as the
/// ConfigMap <c>kfp-framework-&lt;name&gt;</c> so every team's Pipelines can use it and edits made in the
/// cluster show as drift. Settings update in place; a new name or namespace replaces it.
/// </summary>
public sealed partial class FrameworkResource(Func<ProviderServices> services) : Resource
{
    public static readonly ResourceDefinition Spec = new(
        "kfp:index:Framework",
        "A pipeline framework: a compiler that turns a pipeline source into KFP IR, run as an argv list (never through a shell). Pipelines name it in `framework`.",
        [
            new("name", PropertyType.String, "Framework name (lowercase letters, digits and '-'); Pipelines refer to it. Autonamed when omitted.") { ReplaceOnChanges = true },
            new("namespace", PropertyType.String, "Kubernetes namespace of the ConfigMap; defaults to the provider's namespace.") { ReplaceOnChanges = true },
            new("command", PropertyType.StringList, "The compiler's argv. Placeholders: `{source}` (the source file), `{output}` (where to write the IR), `{parameters}` (the parameters as JSON).") { Required = true, TracksDrift = true },
            new("image", PropertyType.String, "The compiler's container image, for teams that run it in a container.") { TracksDrift = true },
            new("env", PropertyType.StringMap, "Environment variables for the compiler.") { TracksDrift = true },
            new("timeoutSeconds", PropertyType.Integer, "Kill the compiler after this many seconds (default 300).") { TracksDrift = true },
            new("defaultParameters", PropertyType.Any, "Parameters passed in `{parameters}` unless a Pipeline overrides them.") { TracksDrift = true },
            Output("configMapName", PropertyType.String, "The ConfigMap that stores the framework."),
        ])
    {
        AutoNamed = true,
        IdProperty = "configMapName",
    };

    public override ResourceDefinition Definition => Spec;

    protected override void Validate(InputReader inputs)
    {
        var name = inputs.RequiredString("name");
        if (name.Length > 0 && !NamePattern().IsMatch(name))
        {
            inputs.Fail("name", $"'{name}' is not a valid framework name: use at most 49 lowercase letters, digits and '-', starting and ending with a letter or digit");
        }
        if (BuiltInFrameworks.IsBuiltIn(name))
        {
            inputs.Fail("name", $"'{name}' is a built-in framework; choose another name");
        }
        var command = inputs.StringList("command");
        if (command.IsEmpty && !inputs.IsUnknown("command") && !inputs.Failures.Any(f => f.Property == "command"))
        {
            inputs.Fail("command", "must name the compiler program, e.g. [\"python3\", \"compile.py\", \"{source}\", \"{output}\"]");
        }
        inputs.Integer("timeoutSeconds", 1, 86_400);
        if (inputs.Raw("defaultParameters") is { } p and not ObjectValue and not NullValue)
        {
            inputs.Fail("defaultParameters", "must be an object of parameter names to values");
        }
    }

    public override async Task<CreateResult> CreateAsync(CreateContext context, CancellationToken cancellationToken)
    {
        var (settings, ns) = Read(context.Inputs);
        try
        {
            var created = await services().Kube.ConfigMaps.CreateAsync(FrameworkConfigMap.ToConfigMap(settings, ns), null, cancellationToken);
            return new CreateResult($"{ns}/{created.Metadata.Name}", Outputs(context.Inputs, ns, settings.Name));
        }
        catch (KubeApiException e) when (e.IsAlreadyExists)
        {
            throw new ResourceException(
                $"ConfigMap {ns}/{FrameworkConfigMap.ConfigMapName(settings.Name)} already exists: choose another framework name, or adopt it with " +
                $"`pulumi import kfp:index:Framework {context.Resource.Name} {ns}/{FrameworkConfigMap.ConfigMapName(settings.Name)}`", e);
        }
    }

    public override async Task<PropertyMap> UpdateAsync(UpdateContext context, CancellationToken cancellationToken)
    {
        var (settings, ns) = Read(context.News);
        await services().Kube.ConfigMaps.ApplyAsync(FrameworkConfigMap.ToConfigMap(settings, ns), new ApplyOptions { Force = true }, cancellationToken);
        return Outputs(context.News, ns, settings.Name);
    }

    public override async Task<ReadResult?> ReadAsync(ReadContext context, CancellationToken cancellationToken)
    {
        var (ns, name) = SplitId(context.Id);
        var configMap = await services().Kube.ConfigMaps.FindAsync(ns, name, cancellationToken);
        if (configMap is null || FrameworkConfigMap.FromConfigMap(configMap) is not { } settings)
        {
            return null;
        }
        var inputs = PropertyMap.Empty
            .With("name", PropertyValue.Of(settings.Name))
            .With("command", PropertyValue.Of(settings.Command.Select(PropertyValue.Of)));
        if (context.OldInputs.Has("namespace") || context.OldInputs.Count == 0)
        {
            inputs = inputs.With("namespace", PropertyValue.Of(ns));
        }
        inputs = With(inputs, "image", settings.Image is { } image ? PropertyValue.Of(image) : null);
        inputs = With(inputs, "env", settings.Env.IsEmpty ? null : PropertyValue.Of(PropertyMap.From(settings.Env.Select(p => KeyValuePair.Create(p.Key, PropertyValue.Of(p.Value))))));
        inputs = With(inputs, "timeoutSeconds", settings.TimeoutSeconds is { } t ? PropertyValue.Of(t) : null);
        inputs = With(inputs, "defaultParameters", settings.DefaultParameters is { } dp ? JsonValues.FromJson(dp) : null);
        return new ReadResult(context.Id, Outputs(inputs, ns, settings.Name), inputs);
    }

    public override async Task DeleteAsync(DeleteContext context, CancellationToken cancellationToken)
    {
        var (ns, name) = SplitId(context.Id);
        await services().Kube.ConfigMaps.DeleteAsync(ns, name, null, cancellationToken);
    }

    private (FrameworkConfigMap.Settings Settings, string Namespace) Read(PropertyMap values)
    {
        var inputs = new InputReader(values);
        var settings = new FrameworkConfigMap.Settings(inputs.RequiredString("name"), inputs.StringList("command"))
        {
            Image = inputs.String("image"),
            Env = inputs.StringMap("env"),
            TimeoutSeconds = (int?)inputs.Integer("timeoutSeconds"),
            DefaultParameters = JsonValues.ToJson(values.Get("defaultParameters")) as JsonObject,
        };
        return (settings, inputs.String("namespace") ?? services().KubeNamespace);
    }

    private static PropertyMap Outputs(PropertyMap inputs, string ns, string name) => inputs
        .With("namespace", PropertyValue.Of(ns))
        .With("configMapName", PropertyValue.Of(FrameworkConfigMap.ConfigMapName(name)));

    private static PropertyMap With(PropertyMap map, string key, PropertyValue? value) => value is null ? map : map.With(key, value);

    private static (string Namespace, string Name) SplitId(string id) =>
        id.Split('/') is [var ns, var name] ? (ns, name) : throw new ResourceException($"'{id}' is not a Framework ID; it has the form <namespace>/kfp-framework-<name>");

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]{0,47}[a-z0-9])?$")]
    private static partial Regex NamePattern();
}
