using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Kfp.Compiler.Tests.Yaml;

/// <summary>Runs PyYAML (Debian's python3-yaml, installed by .ci/run) to get the reference reading of YAML.</summary>
internal static class PyYaml
{
    /// <summary>Runs <paramref name="script"/> (in TestData/pyyaml) with arguments; its stdout as lines.</summary>
    public static IReadOnlyList<string> Run(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(TestFiles.PathOf($"pyyaml/{script}"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var error = process.StandardError.ReadToEndAsync();
        var lines = new List<string>();
        while (process.StandardOutput.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"python3 {script} failed (install python3-yaml): {error.Result}");
        return lines;
    }

    /// <summary>Deep equality of JSON values; numbers compare by value (1 equals 1.0, as in Python).</summary>
    public static bool Same(JsonNode? expected, JsonNode? actual)
    {
        switch (expected)
        {
            case null:
                return actual is null;
            case JsonObject obj:
                return actual is JsonObject other && obj.Count == other.Count
                    && obj.All(p => other.TryGetPropertyValue(p.Key, out var value) && Same(p.Value, value));
            case JsonArray array:
                return actual is JsonArray list && array.Count == list.Count
                    && array.Select((item, i) => Same(item, list[i])).All(same => same);
            default:
                if (actual is not JsonValue value)
                {
                    return false;
                }

                var kind = expected.GetValueKind();
                if (kind != value.GetValueKind())
                {
                    return false;
                }

                return kind == System.Text.Json.JsonValueKind.Number
                    ? Number(expected) == Number(value)
                    : expected.ToJsonString() == value.ToJsonString();
        }
    }

    private static double Number(JsonNode node) =>
        double.Parse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
}
