using System.ComponentModel;
using System.Diagnostics;

namespace Kfp.Compiler.IO;

/// <summary>Runs programs with <see cref="Process"/>: argv list, no shell, environment overrides, output tails.</summary>
internal sealed class SystemProcessRunner : IProcessRunner
{
    public const int TailBytes = 16 * 1024;

    public async Task<ProcessResult> RunAsync(ProcessSpec spec, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(spec.FileName)
        {
            WorkingDirectory = spec.WorkingDirectory,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in spec.Arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in spec.Env)
        {
            info.Environment[name] = value;
        }

        var stderr = new OutputTail(TailBytes);
        var stdout = new OutputTail(TailBytes);
        using var process = new Process { StartInfo = info };
        process.ErrorDataReceived += (_, e) => stderr.AppendLine(e.Data);
        process.OutputDataReceived += (_, e) => stdout.AppendLine(e.Data);
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new FileNotFoundException($"cannot start '{spec.FileName}': {e.Message}", spec.FileName, e);
        }

        process.StandardInput.Close();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            throw;
        }

        return new ProcessResult(process.ExitCode, stderr.ToString(), stdout.ToString());
    }
}
