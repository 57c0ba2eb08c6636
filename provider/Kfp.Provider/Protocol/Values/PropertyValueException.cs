namespace Kfp.Provider.Protocol.Values;

/// <summary>A property value the provider cannot accept; <see cref="Path"/> says where it is.</summary>
public sealed class PropertyValueException : Exception
{
    public PropertyValueException(string path, string message)
        : base($"property {path}: {message}") => Path = path;

    public string Path { get; }
}
