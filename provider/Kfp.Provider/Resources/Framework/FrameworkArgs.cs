using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Kfp.Compiler;
using Kfp.Provider.Engine.Binding;
using Kfp.Provider.Protocol.Values;

namespace Kfp.Provider.Resources;

/// <summary>The inputs of <c>kfp:index:Framework</c>.</summary>
internal sealed partial record FrameworkArgs
{
    public string? Name { get; init; }

    public string? Namespace { get; init; }

    public ImmutableArray<string>? Command { get; init; }

    public string? Image { get; init; }

    public string? Executor { get; init; }

    public ImmutableSortedDictionary<string, string>? Env { get; init; }

    public long? TimeoutSeconds { get; init; }

    public PropertyValue? DefaultParameters { get; init; }

    /// <summary>A framework name fits in a ConfigMap name and is not a built-in framework's.</summary>
    private static Rule<string> NameRule { get; } = name =>
        name.Length > 0 && !NamePattern().IsMatch(name)
            ? $"'{name}' is not a valid framework name: use at most 49 lowercase letters, digits and '-', starting and ending with a letter or digit"
            : BuiltInFrameworks.IsBuiltIn(name) ? $"'{name}' is a built-in framework; choose another name" : null;

    private static Rule<string> ExecutorRule { get; } = executor => FrameworkExecutors.All.Contains(executor)
        ? null
        : $"'{executor}' is not an executor; use one of {string.Join(", ", FrameworkExecutors.All)}";

    public static RecordShape<FrameworkArgs> Shape { get; } = RecordShape<FrameworkArgs>.Inputs(() => new())
        .String("name", x => x.Name, (x, v) => x with { Name = v },
            "Framework name (lowercase letters, digits and '-'); Pipelines refer to it. Autonamed when omitted.", Prop.Replace, [Rules.NotEmpty, NameRule])
        .String("namespace", x => x.Namespace, (x, v) => x with { Namespace = v },
            "Kubernetes namespace of the ConfigMap; defaults to the provider's namespace.", Prop.Replace, Rules.Namespace)
        .StringList("command", x => x.Command, (x, v) => x with { Command = v },
            "The compiler's argv. Placeholders: `{source}` (the source file), `{output}` (where to write the IR), `{parameters}` (the parameters as JSON).",
            Prop.Required | Prop.Drift, [Rules.Text])
        .String("image", x => x.Image, (x, v) => x with { Image = v },
            "The compiler's container image, run by the `container` and `cluster` executors.", Prop.Drift, [Rules.NotEmpty, Rules.NoControlCharacters, InputRules.ImageReference])
        .String("executor", x => x.Executor, (x, v) => x with { Executor = v },
            "Where a compile runs: `local` (the command on the machine running Pulumi), `container` (the image with docker or podman) or `cluster` " +
            "(a Kubernetes Job in the framework's namespace). Default: `local` without an image; with one, `cluster`.", Prop.Drift, [ExecutorRule])
        .StringMap("env", x => x.Env, (x, v) => x with { Env = v }, "Environment variables for the compiler.", Prop.Drift)
        .Integer("timeoutSeconds", x => x.TimeoutSeconds, (x, v) => x with { TimeoutSeconds = v },
            "Kill the compiler after this many seconds (default 300).", Prop.Drift, min: 1, max: 86_400)
        .Any("defaultParameters", x => x.DefaultParameters, (x, v) => x with { DefaultParameters = v },
            "Parameters passed in `{parameters}` unless a Pipeline overrides them.", Prop.Drift, Rules.Map("{epochs: 3}"));

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]{0,47}[a-z0-9])?$")]
    private static partial Regex NamePattern();
}
