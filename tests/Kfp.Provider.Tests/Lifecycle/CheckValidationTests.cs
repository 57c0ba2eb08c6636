using System.Collections.Immutable;
using Kfp.Provider.Protocol.Values;
using System.Text.Json.Nodes;
using Kfp.Provider.Protocol.Wire;

namespace Kfp.Provider.Tests.Lifecycle;

/// <summary>
/// Bad inputs, through the real Check and Invoke RPCs: each one refused before anything is written, on its property
/// path, with a reason that says what to do (and never echoes a control character).
/// </summary>
public sealed class CheckValidationTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private const string Function = "kfp:index:compilePipeline";

    private const string Config = "pulumi:providers:kfp";

    /// <summary>A whole sha256 digest, as a Framework's <c>digest</c> output or an image digest carries it.</summary>
    private static readonly string Sha = new('a', 64);

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

        var kubeRevision = await KubeRevisionAsync();

        var failures = c.Token switch
        {
            Function => await InvokeAsync(news),
            Config => await CheckConfigAsync(news),
            _ => await CheckAsync(c.Token, news),
        };

        var failure = Assert.Single(failures, f => f.Property == c.Path);
        Assert.Contains(c.Reason, failure.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(failure.Reason, char.IsControl);
        Assert.Empty(await KfpWritesAsync());
        Assert.Equal(kubeRevision, await KubeRevisionAsync());
    }

    [Fact]
    public void Table_HoldsAtLeast130CasesAcrossEveryResourceTheFunctionAndTheConfig()
    {
        var perToken = Table.Values.GroupBy(c => c.Token).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(9, perToken.Count);
        Assert.All(perToken, p => Assert.True(p.Value >= 8, $"{p.Key}: only {p.Value} cases"));
        Assert.True(Table.Count >= 130, $"{Table.Count} cases");
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

    private async Task<IReadOnlyList<Kfp.Provider.Protocol.Wire.CheckFailure>> CheckAsync(string token, PropertyMap news)
    {
        var check = await fixture.Client.CheckAsync($"urn:pulumi:test::validation::{token}::bad", PropertyMap.Empty, news);
        return check.Failures;
    }

    private async Task<IReadOnlyList<Kfp.Provider.Protocol.Wire.CheckFailure>> CheckConfigAsync(PropertyMap news)
    {
        var request = new CheckRequest { Urn = "urn:pulumi:test::validation::pulumi:providers:kfp::bad", Olds = new(), News = PropertyValueCodec.ToStruct(news) };
        var response = await fixture.Client.CallAsync("CheckConfig", request, CheckResponse.Parser);
        return response.Failures;
    }

    /// <summary>Every KFP request that was not a read, since the emulator started (this class only ever checks).</summary>
    private async Task<List<string>> KfpWritesAsync()
    {
        using var http = new HttpClient();
        var log = JsonNode.Parse(await http.GetStringAsync(new Uri(fixture.Emulator.KfpUrl, "/_emulator/requests")))!;
        return [.. log["requests"]!.AsArray().Where(r => (string?)r!["method"] is not ("GET" or "HEAD")).Select(r => $"{r!["method"]} {r["path"]}")];
    }

    /// <summary>The Kubernetes store's revision: any write (ConfigMap, Secret, service account, Job) moves it.</summary>
    private async Task<string> KubeRevisionAsync()
    {
        using var http = new HttpClient();
        var list = JsonNode.Parse(await http.GetStringAsync(new Uri(fixture.Emulator.KubernetesUrl, "/api/v1/configmaps")))!;
        return (string)list["metadata"]!["resourceVersion"]!;
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
        Config => PropertyMap.Empty,
        _ => Map(("source", "pipeline.yaml")),
    };

    private static ImmutableSortedDictionary<string, Case> BuildTable()
    {
        var cases = new List<(string Name, Case Case)>();
        void Add(string resource, string property, object? value, string reason, string? path = null, (string Key, object Value)? with = null)
        {
            var token = resource switch { "compilePipeline" => Function, "config" => Config, _ => $"kfp:index:{resource}" };
            var start = with is { } w ? Base(token).With(w.Key, V(w.Value)) : Base(token);
            var shown = value switch
            {
                null => "missing",
                string s => $"\"{string.Concat(s.Take(12).Select(ch => char.IsControl(ch) ? $"\\u{(int)ch:x4}" : ch.ToString()))}{(s.Length > 12 ? $"…({s.Length})" : "")}\"",
                _ => System.Text.Json.JsonSerializer.Serialize(value),
            };
            var also = with is { } x ? $" with {x.Key}" : "";
            cases.Add(($"{resource}.{path ?? property} = {shown}{also}", new Case(token, start, property, value is null ? null : V(value), path ?? property, reason)));
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

        // Experiment (more)
        Add("Experiment", "name", "   ", "is only blanks; give it a visible name");
        Add("Experiment", "name", "team\u007fexp", "control character U+007F");
        Add("Experiment", "description", "notes\u001b[31m", "control character U+001B");
        Add("Experiment", "namespace", 42, "expected a string, got the number 42");
        Add("Experiment", "namespace", "team-", "is not a valid Kubernetes namespace");

        // Pipeline (more)
        Add("Pipeline", "name", "\t \t", "control character U+0009");
        Add("Pipeline", "name", " ", "is only blanks");
        Add("Pipeline", "displayName", new string('d', 129), "129 bytes long; KFP allows at most 128");
        Add("Pipeline", "description", "line\0", "control character U+0000");
        Add("Pipeline", "keepVersions", 10_001, "must be between 0 and 10000, got 10001");
        Add("Pipeline", "imagePullSecrets", L("regcred", "regcred"), "'regcred' is listed twice", "imagePullSecrets[1]");
        Add("Pipeline", "imagePullSecrets", L(""), "must not be empty", "imagePullSecrets[0]");
        Add("Pipeline", "env", Obj(("A=B", "1")), "'A=B' is not an environment variable name");
        Add("Pipeline", "env", Obj(("", "1")), "is not an environment variable name");
        Add("Pipeline", "env", Obj(("TOKEN", "ab\0cd")), "an environment variable cannot hold NUL", "env.TOKEN");
        Add("Pipeline", "registries", L(Obj(("server", "ghcr.io"), ("username", 7))), "expected a string, got the number 7", "registries[0].username");
        Add("Pipeline", "registries", L(Obj(("server", "ghcr.io")), Obj(("server", "ghcr.io"))), "listed twice", "registries[1].server");
        Add("Pipeline", "framework", "tfx\n", "control character U+000A");
        Add("Pipeline", "versionName", "v1\u0085", "control character U+0085");

        // RecurringRun (more): cron forms KFP's scheduler (robfig/cron v1.2) refuses, conflicting and out-of-range fields
        Add("RecurringRun", "cron", "0 2 * *", "has 4 fields; give 5");
        Add("RecurringRun", "cron", "61 * * * *", "field '61' has 61, outside 0-59");
        Add("RecurringRun", "cron", "0 25 * * *", "field '25' has 25, outside 0-23");
        Add("RecurringRun", "cron", "0 2 * * MON-FOO", "'FOO', which is not a number");
        Add("RecurringRun", "cron", "0 0 2 * * * *", "has 7 fields");
        Add("RecurringRun", "cron", "@fortnightly", "is not a known descriptor");
        Add("RecurringRun", "cron", "@every 5m", "use intervalSeconds instead of @every");
        Add("RecurringRun", "cron", "*/0 * * * *", "a step must be a whole number of at least 1");
        Add("RecurringRun", "cron", "0 5-2 * * *", "starts after it ends");
        Add("RecurringRun", "cron", "", "'' has 0 fields; give 5");
        Add("RecurringRun", "intervalSeconds", 3600, "set either cron or intervalSeconds, not both");
        Add("RecurringRun", "cron", null, "a recurring run needs a schedule: set cron");
        Add("RecurringRun", "intervalSeconds", -5, "must be between 1 and", with: ("cron", null!));
        Add("RecurringRun", "maxConcurrency", 11, "must be between 1 and 10, got 11");
        Add("RecurringRun", "endTime", "2026-01-01T00:00:00Z", "must be after startTime", with: ("startTime", "2026-06-01T00:00:00Z"));
        Add("RecurringRun", "endTime", "tomorrow", "not an RFC 3339 time");
        Add("RecurringRun", "startTime", "2026-13-01T00:00:00Z", "not an RFC 3339 time");
        Add("RecurringRun", "description", "a\u0000b", "control character U+0000");
        Add("RecurringRun", "name", "  ", "is only blanks");
        Add("RecurringRun", "pipelineVersionId", "v-1\r", "control character U+000D");

        // Run (more)
        Add("Run", "name", Long129, "KFP allows at most 128");
        Add("Run", "name", "\u00a0 ", "is only blanks");
        Add("Run", "timeoutSeconds", 0, "must be between 1 and 604800, got 0");
        Add("Run", "timeoutSeconds", -60, "must be between 1 and 604800");
        Add("Run", "experimentId", "e-1\n", "control character U+000A");
        Add("Run", "parameters", "epochs=3", "must be a map of pipeline parameter names to values");
        Add("Run", "deleteOnDestroy", "yes", "expected true or false");
        Add("Run", "serviceAccount", new string('s', 254), "is not a valid Kubernetes service account name");
        Add("Run", "pipelineId", "", "must not be empty");

        // Framework (more): image references, executors, env names, command
        Add("Framework", "image", "ghcr.io/Team/Compiler:1", "repository 'Team/Compiler' must be lowercase");
        Add("Framework", "image", "ghcr.io/team/compiler:1 --privileged", "is not an image reference: it is empty or contains spaces");
        Add("Framework", "image", "ghcr.io/team/compiler::1", "is not an image reference");
        Add("Framework", "image", $"ghcr.io/team/compiler@sha256:{new string('a', 40)}", "a sha256 digest is 64 lowercase hex digits");
        Add("Framework", "image", "ghcr.io/team/compiler@sha256:xyz", "is not a digest");
        Add("Framework", "image", $"ghcr.io/team/compiler:{new string('t', 129)}", "is not a valid tag");
        Add("Framework", "image", "https://ghcr.io/team/compiler", "use [registry/]repository[:tag][@sha256:digest]");
        Add("Framework", "executor", "docker", "'docker' is not an executor; use one of local, container, cluster");
        Add("Framework", "executor", "container", "is required by the 'container' executor", "image");
        Add("Framework", "executor", "cluster", "is required by the 'cluster' executor", "image");
        Add("Framework", "command", L("", "compile.py"), "must name the compiler program", "command[0]");
        Add("Framework", "env", Obj(("PIP=INDEX", "x")), "'PIP=INDEX' is not an environment variable name");
        Add("Framework", "env", Obj(("HOME", "/tmp\0")), "cannot hold NUL", "env.HOME");
        Add("Framework", "timeoutSeconds", 86_401, "must be between 1 and 86400, got 86401");
        Add("Framework", "name", new string('f', 50), "is not a valid framework name");
        Add("Framework", "name", "definition", "is a built-in framework");

        // ImageRegistry (more)
        Add("ImageRegistry", "server", "ghcr io", "'ghcr io' is not a registry server: use a host and optional port");
        Add("ImageRegistry", "server", "ghcr.io:99999", "is not a registry server");
        Add("ImageRegistry", "username", "robot\n", "control character U+000A");
        Add("ImageRegistry", "email", "me@example.com\0", "control character U+0000");
        Add("ImageRegistry", "verify", "x", "expected true or false");
        Add("ImageRegistry", "password", 42, "expected a string, got the number 42");
        Add("ImageRegistry", "server", null, "is required by kfp:index:ImageRegistry");

        // PullSecret (more)
        Add("PullSecret", "name", "", "must not be empty");
        Add("PullSecret", "name", new string('n', 254), "is not a valid Kubernetes Secret name");
        Add("PullSecret", "namespace", new string('n', 64), "is not a valid Kubernetes namespace");
        Add("PullSecret", "registries", "ghcr.io", "expected a list of objects");
        Add("PullSecret", "registries", L(Obj(("username", "u"))), "is required; set 'server'", "registries[0].server");
        Add("PullSecret", "registries", L(Obj(("server", "ghcr.io"), ("username", "u\r\nX-Injected: 1"))), "control character U+000D", "registries[0].username");
        Add("PullSecret", "serviceAccounts", "pipeline-runner", "expected a list of strings, got a string");
        Add("PullSecret", "serviceAccounts", L(""), "must not be empty", "serviceAccounts[0]");

        // compilePipeline (more)
        Add("compilePipeline", "source", "a\nb.yaml", "control character U+000A");
        Add("compilePipeline", "framework", "", "must not be empty");
        Add("compilePipeline", "imagePullSecrets", "regcred", "expected a list of strings, got a string");
        Add("compilePipeline", "imagePullSecrets", L("regcred", "regcred"), "'regcred' is listed twice", "imagePullSecrets[1]");
        Add("compilePipeline", "env", Obj(("A=B", "1")), "'A=B' is not an environment variable name");
        Add("compilePipeline", "env", Obj(("A", "\0")), "cannot hold NUL", "env.A");

        // Provider configuration (CheckConfig), as stack config sends it (strings) or an explicit provider (typed)
        Add("config", "host", "kfp.example.com", "is not an http(s) URL; set kfp:host");
        Add("config", "host", "ftp://kfp.example.com", "is not an http(s) URL");
        Add("config", "host", "https://admin:hunter2@kfp.example.com/pipeline", "carries a user name or password");
        Add("config", "host", "https://kfp.example.com/pipeline?ns=team", "has a query or fragment");
        Add("config", "host", "https://kfp.example.com/pipeline#top", "has a query or fragment");
        Add("config", "namespace", "Team_A", "'Team_A' is not a valid Kubernetes namespace");
        Add("config", "namespace", new string('n', 64), "is not a valid Kubernetes namespace");
        Add("config", "token", "abc\r\nX-Injected: 1", "contains a control character at position 3");
        Add("config", "insecureSkipTlsVerify", "maybe", "expected true or false");
        Add("config", "offlineDiff", "nope", "expected true or false");
        Add("config", "requestTimeoutSeconds", 3601, "must be between 1 and 3600, got 3601");
        Add("config", "operationTimeoutSeconds", 0, "must be between 1 and 86400, got 0");
        Add("config", "operationTimeoutSeconds", "5", "shorter than kfp:requestTimeoutSeconds (30 s)", with: ("requestTimeoutSeconds", "30"));
        Add("config", "insecureSkipTlsVerify", "true", "is true while kfp:caCertificate is set", with: ("caCertificate", "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"));
        Add("config", "caCertificate", "-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----\n", "PEM");
        Add("config", "trustedFrameworks", L("Bad Name"), "'Bad Name' matches no framework");
        Add("config", "trustedFrameworks", "tfx,sha256:abc", "'sha256:abc' matches no framework");
        Add("config", "trustedFrameworks", 42, "must be a list of framework names");
        Add("config", "headers", "not json", "must be a map of header names to values");
        Add("config", "headers", L("X-Team: a"), "must be a map of header names to string values");
        Add("config", "cacheDir", "/tmp/kfp\0cache", "contains a control character");

        return cases.ToImmutableSortedDictionary(c => c.Name, c => c.Case, StringComparer.Ordinal);
    }

    private static List<object> L(params object[] items) => [.. items];

    private static List<string> S(params string[] items) => [.. items];

    private static PropertyMap Map(params (string Key, string Value)[] values) =>
        PropertyMap.From(values.Select(v => KeyValuePair.Create(v.Key, PropertyValue.Of(v.Value))));

    private static Dictionary<string, object> Obj(params (string Key, object Value)[] values) => values.ToDictionary(v => v.Key, v => v.Value);

    private static PropertyValue V(object? value) => value switch
    {
        null => PropertyValue.Null,
        string s => PropertyValue.Of(s),
        bool b => PropertyValue.Of(b),
        int i => PropertyValue.Of(i),
        double d => PropertyValue.Of(d),
        Dictionary<string, object> o => PropertyValue.Of(PropertyMap.From(o.Select(p => KeyValuePair.Create(p.Key, V(p.Value))))),
        System.Collections.IEnumerable items => PropertyValue.Of(items.Cast<object>().Select(V)),
        _ => throw new ArgumentException($"no property value for {value.GetType().Name}"),
    };
}
