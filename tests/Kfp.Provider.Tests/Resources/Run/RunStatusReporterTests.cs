using Kfp.Provider.Engine;
using Kfp.Provider.Resources;

namespace Kfp.Provider.Tests.Resources.Run;

public sealed class RunStatusReporterTests
{
    private const string Urn = "urn:pulumi:dev::p::kfp:index:Run::smoke";

    [Fact]
    public async Task StatusAsync_SendsOnlyChangesAndAtMostOnePerSecond()
    {
        var log = new ListLog();
        var time = new StepTime();
        var reporter = new RunStatusReporter(log, Urn, time);

        await reporter.StatusAsync("a", default);
        time.Advance(TimeSpan.FromMilliseconds(300));
        await reporter.StatusAsync("b", default);   // too soon
        time.Advance(TimeSpan.FromMilliseconds(800));
        await reporter.StatusAsync("b", default);   // due now
        time.Advance(TimeSpan.FromSeconds(5));
        await reporter.StatusAsync("b", default);   // unchanged
        await reporter.OutcomeAsync(LogLevel.Info, "done", default);

        Assert.Equal([("a", true), ("b", true), ("", true), ("done", false)], log.Sent.Select(s => (s.Message, s.Ephemeral)));
        Assert.All(log.Sent, s => Assert.Equal(Urn, s.Urn));
    }

    [Fact]
    public async Task OutcomeAsync_NoStatusShown_SendsOnlyTheOutcome()
    {
        var log = new ListLog();

        await new RunStatusReporter(log, Urn, new StepTime()).OutcomeAsync(LogLevel.Info, "done", default);

        Assert.Equal(("done", false), Assert.Single(log.Sent.Select(s => (s.Message, s.Ephemeral))));
    }

    private sealed class ListLog : IEngineLog
    {
        public List<(string Message, string? Urn, bool Ephemeral)> Sent { get; } = [];

        public Task LogAsync(LogLevel level, string message, string? urn, bool ephemeral, CancellationToken ct)
        {
            Sent.Add((message, urn, ephemeral));
            return Task.CompletedTask;
        }
    }

    private sealed class StepTime : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

        public void Advance(TimeSpan by) => _now += by;

        public override DateTimeOffset GetUtcNow() => _now;
    }
}
