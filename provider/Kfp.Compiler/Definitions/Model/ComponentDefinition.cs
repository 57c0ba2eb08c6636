using System.Collections.Immutable;

namespace Kfp.Compiler.Definitions.Model;

/// <summary>A container component: image, command and args (with placeholders), env, resources and its interface.</summary>
internal sealed record ComponentDefinition(
    string Name,
    string Image,
    ImmutableArray<string> Command,
    ImmutableArray<string> Args,
    ImmutableArray<KeyValuePair<string, string>> Env,
    ResourcesDefinition? Resources,
    ImmutableArray<IoDefinition> Inputs,
    ImmutableArray<IoDefinition> Outputs,
    string Path)
{
    public IoDefinition? Input(string name) => Inputs.FirstOrDefault(i => i.Name == name);

    public IoDefinition? Output(string name) => Outputs.FirstOrDefault(o => o.Name == name);
}
