using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Kfp.Compiler;
using Kfp.Kube.Http;
using Kfp.Kube.Client;
using Kfp.Provider.Engine;
using Kfp.Provider.Protocol.Values;
using Kfp.Provider.Engine.Binding;

namespace Kfp.Provider.Resources;

/// <summary>
/// <c>kfp:index:Framework</c>: a named pipeline compiler (an argv list run without a shell), stored as the
/// ConfigMap <c>kfp-framework-&lt;name&gt;</c> so every team's Pipelines can use it and edits made in the
/// cluster show as drift. Settings update in place; a new name or namespace replaces it.
/// </summary>
internal sealed class FrameworkResource(Func<ProviderServices> services)
    : Resource<FrameworkArgs, FrameworkState>(FrameworkArgs.Shape, FrameworkState.Shape)
{
    public static readonly ResourceDefinition Spec = Define(
        "kfp:index:Framework",
        "A pipeline framework: a compiler that turns a pipeline source into KFP IR, run as an argv list (never through a shell). Pipelines name it in `framework`.",
        FrameworkArgs.Shape, FrameworkState.Shape, idProperty: "configMapName", autoNamed: true);

    public override ResourceDefinition Definition => Spec;

    protected override void Validate(FrameworkArgs inputs, Binder binder)
    {
        if (inputs.Command is { IsEmpty: true } && !binder.IsUnknown("command"))
        {
            binder.Fail("command", "must name the compiler program, e.g. [\"python3\", \"compile.py\", \"{source}\", \"{output}\"]");
        }
        else if (inputs.Command is { IsEmpty: false } command && string.IsNullOrWhiteSpace(command[0]) && !binder.HasFailed("command[0]"))
        {
            binder.Fail("command[0]", "must name the compiler program (the first element is what runs), e.g. python3");
        }
        if (inputs.Executor is FrameworkExecutors.Container or FrameworkExecutors.Cluster && inputs.Image is null && !binder.IsUnknown("image"))
        {
            binder.Fail("image", $"is required by the '{inputs.Executor}' executor, which runs the compiler in that image; set image, or use executor 'local'");
        }
        InputRules.CheckEnvironment(inputs.Env, "env", binder);
    }

    /// <summary>Also records the program's definition, so its Pipelines compile with it (see <see cref="DeclaredFrameworks"/>).</summary>
    public override async Task<CheckResult> CheckAsync(CheckContext context, CancellationToken cancellationToken)
    {
        var result = await base.CheckAsync(context, cancellationToken);
        if (result.Failures.Count > 0 || Args(result.Inputs, out var binder) is not { Name: { } name } inputs || binder.IsUnknown("name") || binder.IsUnknown("namespace"))
        {
            return result;
        }
        string ns;
        try
        {
            ns = inputs.Namespace ?? services().KubeNamespace;
        }
        catch (Exception e) when (e is Kfp.Kube.Config.KubeConfigException)
        {
            return result; // Create says what is wrong with the Kubernetes access.
        }
        var known = !binder.HasUnknowns;
        services().Frameworks.Declare(ns, name, known ? FrameworkConfigMap.ToDefinition(Read(result.Inputs).Settings, Reference(ns, name)) : null);
        return result;
    }

    /// <summary>How Pipelines and <c>trustedFrameworks</c> name a framework: its name in the provider's namespace, else <c>namespace/name</c>.</summary>
    private string Reference(string ns, string name) => FrameworkReference.Of(ns, name, services().KubeNamespace);

    public override async Task<CreateResult> CreateAsync(CreateContext context, CancellationToken cancellationToken)
    {
        var (settings, ns) = Read(context.Inputs);
        try
        {
            var created = await services().Kube.ConfigMaps.CreateAsync(FrameworkConfigMap.ToConfigMap(settings, ns), null, cancellationToken);
            return new CreateResult($"{ns}/{created.Metadata.Name}", Outputs(context.Inputs, ns, settings));
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
        return Outputs(context.News, ns, settings);
    }

    public override async Task<ReadResult?> ReadAsync(ReadContext context, CancellationToken cancellationToken)
    {
        var (ns, name) = SplitId(context.Id);
        var configMap = await services().Kube.ConfigMaps.FindAsync(ns, name, cancellationToken);
        if (configMap is null || FrameworkConfigMap.FromConfigMap(configMap) is not { } settings)
        {
            return null;
        }
        var inputs = Write(new FrameworkArgs
        {
            Name = settings.Name,
            Command = settings.Command,
            Namespace = Args(context.OldInputs).Namespace is not null || context.OldInputs.Count == 0 ? ns : null,
            Image = settings.Image,
            Executor = settings.Executor,
            Env = settings.Env.IsEmpty ? null : settings.Env,
            TimeoutSeconds = settings.TimeoutSeconds,
            DefaultParameters = settings.DefaultParameters is { } dp ? JsonValues.FromJson(dp) : null,
        });
        return new ReadResult(context.Id, Outputs(inputs, ns, settings), inputs);
    }

    public override async Task DeleteAsync(DeleteContext context, CancellationToken cancellationToken)
    {
        var (ns, name) = SplitId(context.Id);
        await services().Kube.ConfigMaps.DeleteAsync(ns, name, null, cancellationToken);
    }

    private (FrameworkConfigMap.Settings Settings, string Namespace) Read(PropertyMap values)
    {
        var inputs = Args(values);
        var settings = new FrameworkConfigMap.Settings(inputs.Name ?? "", inputs.Command ?? [])
        {
            Image = inputs.Image,
            Executor = inputs.Executor,
            Env = inputs.Env ?? ImmutableSortedDictionary<string, string>.Empty,
            TimeoutSeconds = (int?)inputs.TimeoutSeconds,
            DefaultParameters = inputs.DefaultParameters is { } p ? JsonValues.ToJson(p) as JsonObject : null,
        };
        return (settings, inputs.Namespace ?? services().KubeNamespace);
    }

    private PropertyMap Outputs(PropertyMap inputs, string ns, FrameworkConfigMap.Settings settings) => Write(new FrameworkState
    {
        Namespace = ns,
        ConfigMapName = FrameworkConfigMap.ConfigMapName(settings.Name),
        Digest = FrameworkConfigMap.Digest(settings, ns),
    }, inputs);

    private static (string Namespace, string Name) SplitId(string id) =>
        id.Split('/') is [var ns, var name] ? (ns, name) : throw new ResourceException($"'{id}' is not a Framework ID; it has the form <namespace>/kfp-framework-<name>");

}
