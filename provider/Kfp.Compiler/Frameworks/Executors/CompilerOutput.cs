using Kfp.Compiler.IO;

namespace Kfp.Compiler.Frameworks.Executors;

/// <summary>Turns a finished compiler process into the IR text it wrote, or an error with its output's tail.</summary>
internal static class CompilerOutput
{
    public static async Task<string> ReadAsync(IFileSystem files, FrameworkRun run, ProcessResult result, string output, CancellationToken cancellationToken)
    {
        if (result.ExitCode != 0)
        {
            throw run.Fail(string.Empty, $"the compiler exited with code {result.ExitCode}. Its error output (last {SystemProcessRunner.TailBytes / 1024} KB):\n{Tail(result)}");
        }

        if (!files.FileExists(output))
        {
            throw run.Fail(string.Empty, $"the compiler exited successfully but wrote no output; make its command write the IR to the path given by the {{output}} placeholder. Its output:\n{Tail(result)}");
        }

        return System.Text.Encoding.UTF8.GetString(await files.ReadAllBytesAsync(output, cancellationToken));
    }

    private static string Tail(ProcessResult result) =>
        result.StandardError.Length > 0 ? result.StandardError : result.StandardOutput.Length > 0 ? result.StandardOutput : "(none)";
}
