namespace Kfp.Provider.Engine;

/// <summary>The schema type of a resource property.</summary>
internal enum PropertyType
{
    String,
    Integer,
    Number,
    Boolean,
    StringList,
    StringMap,

    /// <summary>Any JSON value (schema <c>pulumi.json#/Any</c>).</summary>
    Any,

    /// <summary>A list of objects of <see cref="PropertySpec.ObjectType"/>.</summary>
    ObjectList,
}
