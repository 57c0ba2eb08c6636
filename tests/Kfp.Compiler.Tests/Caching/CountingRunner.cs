using Kfp.Compiler.IO;

namespace Kfp.Compiler.Tests.Caching;

/// <summary>Stands in for a compiler process: writes fixed IR to the path after the entry argument, counting runs.</summary>
/// <remarks>
/// With <paramref name="together"/>, each run waits (up to 10 s) until that many runs have started, so runs meant to
/// overlap do overlap however busy the machine is.
/// </remarks>
internal sealed class CountingRunner(string ir, TimeSpan? delay = null, int together = 1) : IProcessRunner
{
    private readonly TaskCompletionSource _allStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public async Task<ProcessResult> RunAsync(ProcessSpec spec, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _calls) >= together)
        {
            _allStarted.TrySetResult();
        }
        await _allStarted.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
        if (delay is { } wait)
        {
            await Task.Delay(wait, cancellationToken);
        }

        await File.WriteAllTextAsync(spec.Arguments[1], ir, cancellationToken);
        return new ProcessResult(0, string.Empty, string.Empty);
    }
}

/// <summary>A fixed environment: the variables given, the user 1000:1000.</summary>
internal sealed class FakeHost(params (string Name, string Value)[] variables) : IHostEnvironment
{
    public string? GetVariable(string name) => variables.FirstOrDefault(v => v.Name == name).Value;

    public string? UserAndGroup() => "1000:1000";
}
