namespace Kfp.Provider.Protocol.Values;

/// <summary>A property value the provider cannot accept; <see cref="Path"/> says where it is.</summary>
public sealed class PropertyValueException : Exception
{
    public PropertyValueException(string path, string message)
        : base(path.Length == 0 ? message : $"property {path}: {message}")
    {
        Path = path;
        Reason = message;
    }

    /// <summary>Where the value is, in Pulumi's property path form (<c>a.b[0]</c>); empty when not known yet.</summary>
    public string Path { get; }

    /// <summary>What is wrong with it, without the path.</summary>
    public string Reason { get; }

    /// <summary>The same problem, one key further out (readers that learn the path on the way back up).</summary>
    internal PropertyValueException Under(string key) => new(Path.Length == 0 ? key : Path[0] == '[' ? key + Path : $"{key}.{Path}", Reason);

    /// <summary>The same problem, one list index further out.</summary>
    internal PropertyValueException Under(int index) => new(Path.Length == 0 ? $"[{index}]" : Path[0] == '[' ? $"[{index}]{Path}" : $"[{index}].{Path}", Reason);
}
