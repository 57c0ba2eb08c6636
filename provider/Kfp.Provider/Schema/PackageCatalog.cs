using System.Collections.Immutable;
using Kfp.Provider.Engine;

namespace Kfp.Provider.Schema;

/// <summary>An object type used by resource properties (schema <c>types</c>).</summary>
internal sealed record ObjectTypeDefinition(string Token, string Description, ImmutableArray<PropertySpec> Properties);

/// <summary>A function served by Invoke.</summary>
internal sealed record FunctionDefinition(string Token, string Description, ImmutableArray<PropertySpec> Inputs, ImmutableArray<PropertySpec> Outputs);

/// <summary>Everything the package declares: the input of schema generation.</summary>
internal sealed record PackageCatalog(
    ImmutableArray<PropertySpec> Config,
    ImmutableArray<ResourceDefinition> Resources,
    ImmutableArray<ObjectTypeDefinition> Types,
    ImmutableArray<FunctionDefinition> Functions);
