namespace Kfp.Api.Tests.Support;

/// <summary>Unique names so tests sharing one emulator never collide.</summary>
public static class TestData
{
    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];
}
