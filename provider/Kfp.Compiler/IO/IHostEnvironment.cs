namespace Kfp.Compiler.IO;

/// <summary>What the compiler reads from the machine it runs on: environment variables and the caller's user; faked in tests.</summary>
internal interface IHostEnvironment
{
    string? GetVariable(string name);

    /// <summary>The caller's numeric <c>uid:gid</c>, for <c>docker run --user</c>; null when unknown (not Linux).</summary>
    string? UserAndGroup();
}
