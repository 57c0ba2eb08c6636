using System.Collections.Immutable;

namespace Kfp.Compiler.IO;

/// <summary>Runs a program (never through a shell) and keeps the tail of its output.</summary>
internal interface IProcessRunner
{
    /// <summary>Runs to completion; on cancellation kills the whole process tree and throws <see cref="OperationCanceledException"/>.</summary>
    Task<ProcessResult> RunAsync(ProcessSpec spec, CancellationToken cancellationToken);
}

/// <summary>A program, its argv, extra environment variables and working directory.</summary>
internal sealed record ProcessSpec(
    string FileName, ImmutableArray<string> Arguments, ImmutableSortedDictionary<string, string> Env, string WorkingDirectory);

/// <summary>How a program ended; the output tails are bounded (see <see cref="SystemProcessRunner.TailBytes"/>).</summary>
internal sealed record ProcessResult(int ExitCode, string StandardError, string StandardOutput);
