using System.Collections.Immutable;

namespace Kfp.Provider.Engine;

/// <summary>What a resource type is: its token, documentation and properties.</summary>
internal sealed record ResourceDefinition(string Token, string Description, ImmutableArray<PropertySpec> Properties)
{
    /// <summary>The input named <c>name</c> is autonamed from the Pulumi resource name when omitted.</summary>
    public bool AutoNamed { get; init; }

    /// <summary>The output that carries the resource's ID (e.g. <c>experimentId</c>).</summary>
    public required string IdProperty { get; init; }

    public IEnumerable<PropertySpec> Inputs => Properties.Where(p => p.Input);

    /// <summary>Outputs only known once the object exists (unknown in a create preview).</summary>
    public IEnumerable<PropertySpec> ComputedOutputs => Properties.Where(p => !p.Input && !p.ComputedByCheck);

    /// <summary>What Diff compares: the inputs and what Check computes from them.</summary>
    public IEnumerable<PropertySpec> Compared => Properties.Where(p => (p.Input || p.ComputedByCheck) && !p.NeverCompared);

    public PropertySpec? Find(string name) => Properties.FirstOrDefault(p => p.Name == name);
}
