using Kfp.Emulator.Kfp.Core;
using Kfp.Emulator.Kfp.RecurringRuns;

namespace Kfp.Emulator.Kfp.Execution;

/// <summary>
/// Brings the emulated cluster up to the emulator clock before every request: schedules fire their due slots, then
/// every executing run is read off its plan at now. Nothing runs in the background, so a moved clock takes effect
/// on the next request and tests never wait for timers.
/// </summary>
internal sealed class Simulation(KfpStore store, ScheduleController schedules)
{
    public void AdvanceToNow()
    {
        lock (store.Gate)
        {
            var now = store.Time.GetUtcNow();
            schedules.FireDue(now);
            foreach (var run in store.State.Runs.Values.Where(r => r.Plan is { FrozenAt: null }).ToList())
            {
                var advanced = RunProgress.Advance(run, now);
                if (!ReferenceEquals(advanced, run))
                {
                    store.State.Runs[run.Id] = advanced;
                }
            }
        }
    }
}
