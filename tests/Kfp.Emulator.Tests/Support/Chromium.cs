using System.Diagnostics;

namespace Kfp.Emulator.Tests.Support;

/// <summary>Debian's headless Chromium (installed by .ci/run), started with a fresh profile and no network extras.</summary>
public static class Chromium
{
    public static async Task<string> RunAsync(params string[] args)
    {
        var profile = Directory.CreateTempSubdirectory("kfp-chromium-").FullName;
        try
        {
            var start = new ProcessStartInfo("chromium") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var flag in new[]
                     {
                         "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                         "--disable-component-update", "--disable-sync", "--hide-scrollbars", $"--user-data-dir={profile}",
                     }.Concat(args))
            {
                start.ArgumentList.Add(flag);
            }
            using var process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start: install Debian's chromium package (.ci/run does)");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            await process.WaitForExitAsync(timeout.Token);
            Assert.True(process.ExitCode == 0, $"chromium exited {process.ExitCode}: {await stderr}");
            return await stdout;
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }
}
