namespace Kfp.Compiler.Yaml;

/// <summary>A YAML text that cannot be loaded: a syntax error, or a file over one of <see cref="YamlLimits"/>.</summary>
public sealed class YamlLoadException : Exception
{
    /// <summary>Creates the exception; <paramref name="line"/> and <paramref name="column"/> are 1-based, 0 when unknown.</summary>
    public YamlLoadException(long line, long column, string reason)
        : base(line > 0 ? $"line {line}, column {column}: {reason}" : reason)
    {
        Line = line;
        Column = column;
        Reason = reason;
    }

    /// <summary>1-based line of the problem, 0 when it concerns the whole file.</summary>
    public long Line { get; }

    /// <summary>1-based column of the problem, 0 when it concerns the whole file.</summary>
    public long Column { get; }

    /// <summary>What is wrong, without the position.</summary>
    public string Reason { get; }
}
