namespace Kfp.Compiler.Yaml;

/// <summary>How a YAML load failure reads in a compile error: where, why, and a short excerpt (never whole lines).</summary>
internal static class YamlProblems
{
    public static CompileProblem From(YamlLoadException e, string text)
    {
        if (e.Line <= 0)
        {
            return new CompileProblem(string.Empty, $"the file cannot be read: {e.Reason}");
        }

        var near = Excerpt.Around(text, e.Line, e.Column);
        var excerpt = near.Length > 0 ? $" near \"{near}\"" : string.Empty;
        return new CompileProblem(string.Empty,
            $"the file is not valid YAML at line {e.Line}, column {e.Column}{excerpt}: {e.Reason.TrimEnd('.')}; fix the syntax.");
    }
}
