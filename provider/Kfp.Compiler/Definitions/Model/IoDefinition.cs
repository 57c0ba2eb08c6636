using System.Text.Json.Nodes;

namespace Kfp.Compiler.Definitions.Model;

/// <summary>A declared input or output of a component, or a parameter of a pipeline.</summary>
internal sealed record IoDefinition(string Name, IoType Type, JsonNode? Default, bool HasDefault, bool Optional, string? Description)
{
    public bool Required => !HasDefault && !Optional;
}
