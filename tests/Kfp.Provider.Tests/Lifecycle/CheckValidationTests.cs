using System.Collections.Immutable;
using Kfp.Provider.Protocol.Values;
using Kfp.Provider.Protocol.Wire;

namespace Kfp.Provider.Tests.Lifecycle;

/// <summary>
/// Bad inputs, through the real Check and Invoke RPCs: each one refused before anything is written, on its property
/// path, with a reason that says what to do (and never echoes a control character).
/// </summary>
public sealed class CheckValidationTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private const string Function = "kfp:index:compilePipeline";

    private static readonly string Long129 = new('a', 129);

    /// <summary>One bad input: the resource (or function), a valid base, the property set to a bad value, where and why it fails.</summary>
    private sealed record Case(string Token, PropertyMap Base, string Property, PropertyValue? Value, string Path, string Reason);

    private static readonly ImmutableSortedDictionary<string, Case> Table = BuildTable();

    public static TheoryData<string> Cases() => [.. Table.Keys];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Check_BadInput_RefusedOnItsPathWithTheFix(string name)
    {
        var c = Table[name];
        var news = c.Value is null ? c.Base.Without(c.Property) : c.Base.With(c.Property, c.Value);

        var failures = c.Token == Function ? await InvokeAsync(news) : await CheckAsync(c.Token, news);

        var failure = Assert.Single(failures, f => f.Property == c.Path);
        Assert.Contains(c.Reason, failure.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(failure.Reason, char.IsControl);
    }

    [Theory]
    [InlineData("kfp:index:Experiment")]
    [InlineData("kfp:index:RecurringRun")]
    [InlineData("kfp:index:Run")]
    [InlineData("kfp:index:PullSecret")]
    public async Task Check_UnknownValuesInPreview_AreNeverFailures(string token)
    {
        var news = Base(token).With("name", PropertyValue.Unknown);
        news = token == "kfp:index:Run" ? news.With("pipelineId", PropertyValue.Unknown) : news.With("namespace", PropertyValue.Unknown);

        var failures = await CheckAsync(token, news);

        Assert.Empty(failures);
    }

    [Fact]
    public async Task Check_ValidBases_HaveNoFailures()
    {
        foreach (var token in S( "kfp:index:Experiment", "kfp:index:RecurringRun", "kfp:index:Run", "kfp:index:Framework", "kfp:index:ImageRegistry", "kfp:index:PullSecret"))
        {
            Assert.Empty(await CheckAsync(token, Base(token)));
        }
    }

    [Fact]
    public void Table_CoversEveryResourceAndTheFunction()
    {
        var tokens = Table.Values.Select(c => c.Token).ToHashSet();
        Assert.Equal(8, tokens.Count);
        Assert.True(Table.Count >= 60, $"{Table.Count} cases");
    }

    private async Task<IReadOnlyList<Kfp.Provider.Protocol.Wire.CheckFailure>> CheckAsync(string token, PropertyMap news)
    {
        var check = await fixture.Client.CheckAsync($"urn:pulumi:test::validation::{token}::bad", PropertyMap.Empty, news);
        return check.Failures;
    }

    private async Task<IReadOnlyList<Kfp.Provider.Protocol.Wire.CheckFailure>> InvokeAsync(PropertyMap args)
    {
        var response = await fixture.Client.CallAsync("Invoke", new InvokeRequest { Tok = Function, Args = PropertyValueCodec.ToStruct(args) }, InvokeResponse.Parser);
        return response.Failures;
    }

    private static PropertyMap Base(string token) => token switch
    {
        "kfp:index:Experiment" => Map(("name", "team-experiment")),
        "kfp:index:Pipeline" => Map(("name", "team-pipeline"), ("source", "pipeline.yaml")),
        "kfp:index:RecurringRun" => Map(("pipelineId", "p-1"), ("cron", "0 2 * * *")),
        "kfp:index:Run" => Map(("pipelineId", "p-1")),
        "kfp:index:Framework" => Map(("name", "team-compiler")).With("command", V(L("python3", "compile.py"))),
        "kfp:index:ImageRegistry" => Map(("server", "ghcr.io")),
        "kfp:index:PullSecret" => Map(("name", "team-pull")).With("registries", V(L(Obj(("server", "ghcr.io"))))),
        _ => Map(("source", "pipeline.yaml")),
    };

    private static ImmutableSortedDictionary<string, Case> BuildTable()
    {
        var cases = new List<(string Name, Case Case)>();
        void Add(string resource, string property, object? value, string reason, string? path = null)
        {
            var token = resource == "compilePipeline" ? Function : $"kfp:index:{resource}";
            var shown = value switch
            {
                null => "missing",
                string s => $"\"{string.Concat(s.Take(12).Select(ch => char.IsControl(ch) ? $"\\u{(int)ch:x4}" : ch.ToString()))}{(s.Length > 12 ? $"…({s.Length})" : "")}\"",
                _ => System.Text.Json.JsonSerializer.Serialize(value),
            };
            cases.Add(($"{resource}.{path ?? property} = {shown}", new Case(token, Base(token), property, value is null ? null : V(value), path ?? property, reason)));
        }

        // Experiment
        Add("Experiment", "name", 42, "expected a string, got the number 42; quote it");
        Add("Experiment", "name", "", "must not be empty");
        Add("Experiment", "name", Long129, "129 bytes long; KFP allows at most 128");
        Add("Experiment", "name", new string('é', 70), "140 bytes long; KFP allows at most 128");
        Add("Experiment", "name", "team\0exp", "control character U+0000 at position 4; remove it");
        Add("Experiment", "name", "team\nexp", "control character U+000A");
        Add("Experiment", "description", "notes\u0001", "control character U+0001");
        Add("Experiment", "description", true, "expected a string, got true");
        Add("Experiment", "namespace", "Team_A", "'Team_A' is not a valid Kubernetes namespace: use at most 63 lowercase letters");
        Add("Experiment", "namespace", new string('n', 64), "is not a valid Kubernetes namespace");
        Add("Experiment", "namespace", "", "must not be empty");
        Add("Experiment", "colour", "blue", "is not an input of kfp:index:Experiment");

        // Pipeline
        Add("Pipeline", "name", 42, "expected a string");
        Add("Pipeline", "name", new string('p', 200), "200 bytes long; KFP allows at most 128");
        Add("Pipeline", "displayName", "", "must not be empty");
        Add("Pipeline", "displayName", "Nightly\ttraining", "control character U+0009");
        Add("Pipeline", "namespace", "UPPER", "is not a valid Kubernetes namespace");
        Add("Pipeline", "source", "", "must not be empty");
        Add("Pipeline", "source", 42, "expected a string");
        Add("Pipeline", "source", null, "is required by kfp:index:Pipeline; set 'source'");
        Add("Pipeline", "source", "pipe\0line.yaml", "control character U+0000");
        Add("Pipeline", "versionName", new string('v', 128), "128 bytes long; KFP allows at most 127");
        Add("Pipeline", "versionName", "", "must not be empty");
        Add("Pipeline", "keepVersions", -1, "must be between 0 and 10000, got -1");
        Add("Pipeline", "keepVersions", 1.5, "expected a whole number, got the number 1.5");
        Add("Pipeline", "keepVersions", "many", "expected a whole number, got a string");
        Add("Pipeline", "imagePullSecrets", L("regcred", "Bad_Secret"), "'Bad_Secret' is not a valid Kubernetes name", "imagePullSecrets[1]");
        Add("Pipeline", "imagePullSecrets", "regcred", "expected a list of strings, got a string");
        Add("Pipeline", "registries", L(Obj(("server", ""))), "must not be empty", "registries[0].server");
        Add("Pipeline", "registries", L(Obj(("username", "u"))), "is required; set 'server'", "registries[0].server");
        Add("Pipeline", "registries", L(Obj(("server", "ghcr.io"), ("colour", "blue"))), "is not a field here", "registries[0].colour");
        Add("Pipeline", "registries", "ghcr.io", "expected a list of objects");
        Add("Pipeline", "registries", L("ghcr.io"), "expected an object", "registries[0]");
        Add("Pipeline", "pinImageDigests", "yes", "expected true or false");
        Add("Pipeline", "frameworkParameters", "epochs=3", "must be a map of names to values");
        Add("Pipeline", "env", L("A=1"), "expected a map of strings, got a list");
        Add("Pipeline", "env", Obj(("A", L("1"))), "expected a string, got a list", "env.A");
        Add("Pipeline", "framework", "", "must not be empty");

        // RecurringRun
        Add("RecurringRun", "name", 42, "expected a string");
        Add("RecurringRun", "name", Long129, "KFP allows at most 128");
        Add("RecurringRun", "pipelineId", "", "must not be empty");
        Add("RecurringRun", "pipelineId", "p-1\n", "control character U+000A");
        Add("RecurringRun", "serviceAccount", "Pipeline Runner", "'Pipeline Runner' is not a valid Kubernetes service account name");
        Add("RecurringRun", "serviceAccount", new string('s', 254), "is not a valid Kubernetes service account name");
        Add("RecurringRun", "namespace", "team.a", "is not a valid Kubernetes namespace");
        Add("RecurringRun", "experimentId", "e\0", "control character U+0000");
        Add("RecurringRun", "intervalSeconds", 0, "must be between 1 and");
        Add("RecurringRun", "maxConcurrency", 0, "must be between 1 and 10, got 0");
        Add("RecurringRun", "enabled", "maybe", "expected true or false");
        Add("RecurringRun", "catchup", 1, "expected true or false, got the number 1");
        Add("RecurringRun", "parameters", L(1), "must be a map of pipeline parameter names to values");
        Add("RecurringRun", "startTime", "2026-01-01", "not an RFC 3339 time");
        Add("RecurringRun", "cron", 5, "expected a string");

        // Run
        Add("Run", "name", "", "must not be empty");
        Add("Run", "name", 42, "expected a string");
        Add("Run", "pipelineId", 42, "expected a string");
        Add("Run", "pipelineId", null, "is required by kfp:index:Run");
        Add("Run", "serviceAccount", "SA", "is not a valid Kubernetes service account name");
        Add("Run", "timeoutSeconds", 999_999_999, "must be between 1 and 604800");
        Add("Run", "waitForCompletion", "soon", "expected true or false");
        Add("Run", "pipelineVersionId", "v\u0007", "control character U+0007");

        // Framework
        Add("Framework", "name", "Team_Compiler", "is not a valid framework name");
        Add("Framework", "name", "ir", "is a built-in framework; choose another name");
        Add("Framework", "name", "", "must not be empty");
        Add("Framework", "namespace", "-bad", "is not a valid Kubernetes namespace");
        Add("Framework", "command", Array.Empty<string>(), "must name the compiler program");
        Add("Framework", "command", L(1), "expected a string, got the number 1", "command[0]");
        Add("Framework", "command", L("python3", "\0"), "control character U+0000", "command[1]");
        Add("Framework", "image", "", "must not be empty");
        Add("Framework", "timeoutSeconds", 0, "must be between 1 and 86400");
        Add("Framework", "defaultParameters", 3, "must be a map of names to values");

        // ImageRegistry
        Add("ImageRegistry", "server", "", "must not be empty");
        Add("ImageRegistry", "server", 42, "expected a string");
        Add("ImageRegistry", "server", "ghcr.io\n", "control character U+000A");
        Add("ImageRegistry", "password", "secret", "is required when a password is set", "username");
        Add("ImageRegistry", "insecure", "no", "expected true or false");

        // PullSecret
        Add("PullSecret", "name", "Bad_Name", "'Bad_Name' is not a valid Kubernetes Secret name");
        Add("PullSecret", "namespace", "UP", "is not a valid Kubernetes namespace");
        Add("PullSecret", "serviceAccounts", L("Default Editor"), "is not a valid Kubernetes service account name", "serviceAccounts[0]");
        Add("PullSecret", "serviceAccounts", L("pipeline-runner", "pipeline-runner"), "'pipeline-runner' is listed twice");
        Add("PullSecret", "registries", Array.Empty<object>(), "must list at least one registry");
        Add("PullSecret", "registries", L(Obj(("server", "ghcr.io")), Obj(("server", "ghcr.io"))), "listed twice", "registries[1].server");
        Add("PullSecret", "registries", L(Obj(("server", "ghcr.io"), ("password", 5))), "expected a string, got the number 5", "registries[0].password");

        // compilePipeline
        Add("compilePipeline", "source", "", "must not be empty");
        Add("compilePipeline", "source", 42, "expected a string");
        Add("compilePipeline", "source", null, "is required by kfp:index:compilePipeline; set 'source'");
        Add("compilePipeline", "imagePullSecrets", L("Bad Secret"), "is not a valid Kubernetes name", "imagePullSecrets[0]");
        Add("compilePipeline", "frameworkParameters", "x", "must be a map of names to values");
        Add("compilePipeline", "env", "A=1", "expected a map of strings");
        Add("compilePipeline", "framework", "ir\0", "control character U+0000");
        Add("compilePipeline", "colour", "blue", "is not an input of kfp:index:compilePipeline");

        return cases.ToImmutableSortedDictionary(c => c.Name, c => c.Case, StringComparer.Ordinal);
    }

    private static List<object> L(params object[] items) => [.. items];

    private static List<string> S(params string[] items) => [.. items];

    private static PropertyMap Map(params (string Key, string Value)[] values) =>
        PropertyMap.From(values.Select(v => KeyValuePair.Create(v.Key, PropertyValue.Of(v.Value))));

    private static Dictionary<string, object> Obj(params (string Key, object Value)[] values) => values.ToDictionary(v => v.Key, v => v.Value);

    private static PropertyValue V(object value) => value switch
    {
        string s => PropertyValue.Of(s),
        bool b => PropertyValue.Of(b),
        int i => PropertyValue.Of(i),
        double d => PropertyValue.Of(d),
        Dictionary<string, object> o => PropertyValue.Of(PropertyMap.From(o.Select(p => KeyValuePair.Create(p.Key, V(p.Value))))),
        System.Collections.IEnumerable items => PropertyValue.Of(items.Cast<object>().Select(V)),
        _ => throw new ArgumentException($"no property value for {value.GetType().Name}"),
    };
}
