using Kfp.Provider.Protocol.Values;

namespace Kfp.Provider.Engine.Binding;

/// <summary>
/// Collects what binding a property map found: a <see cref="CheckFailure"/> per bad value (the first per path,
/// so Check reports every problem once) and the paths whose values are not known yet (preview).
/// </summary>
internal sealed class Binder
{
    private readonly List<CheckFailure> _failures = [];
    private readonly HashSet<string> _unknown = new(StringComparer.Ordinal);

    public IReadOnlyList<CheckFailure> Failures => _failures;

    /// <summary>True when some value, anywhere, was unknown.</summary>
    public bool HasUnknowns => _unknown.Count > 0;

    public void Fail(string path, string reason)
    {
        if (!_failures.Any(f => f.Property == path))
        {
            _failures.Add(new CheckFailure(path, reason));
        }
    }

    public bool HasFailed(string path) => _failures.Any(f => f.Property == path || f.Property.StartsWith(path + "[", StringComparison.Ordinal)
        || f.Property.StartsWith(path + ".", StringComparison.Ordinal));

    public void Unknown(string path) => _unknown.Add(path);

    /// <summary>True when the value at <paramref name="path"/> (or inside it) is not known yet.</summary>
    public bool IsUnknown(string path) => _unknown.Any(u => u == path || u.StartsWith(path + "[", StringComparison.Ordinal)
        || u.StartsWith(path + ".", StringComparison.Ordinal));

    /// <summary>How a value is named in a failure ("the number 42", "a list").</summary>
    public static string Describe(PropertyValue value) => value switch
    {
        StringValue => "a string",
        NumberValue n => $"the number {n.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
        BoolValue b => b.Value ? "true" : "false",
        ArrayValue => "a list",
        ObjectValue => "an object",
        ResourceRefValue => "a resource reference",
        _ => "null",
    };

    public static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
