namespace Kfp.Provider.Engine;

/// <summary>Finds the resource type and name of a request: from its fields, or from the URN on older engines.</summary>
internal static class ResourceIdentityParser
{
    /// <summary>URN grammar: <c>urn:pulumi:&lt;stack&gt;::&lt;project&gt;::&lt;parent$type&gt;::&lt;name&gt;</c>; the name may contain <c>::</c>.</summary>
    public static (string Type, ResourceIdentity Identity) Parse(string urn, string? type, string? name)
    {
        var parts = urn.Split("::");
        var urnType = parts.Length >= 4 ? parts[2].Split('$')[^1] : "";
        var urnName = parts.Length >= 4 ? string.Join("::", parts[3..]) : urn;
        return (string.IsNullOrEmpty(type) ? urnType : type, new ResourceIdentity(urn, string.IsNullOrEmpty(name) ? urnName : name));
    }
}
