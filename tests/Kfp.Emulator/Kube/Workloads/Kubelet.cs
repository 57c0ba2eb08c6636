using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Kfp.Emulator.Kube.Workloads;

/// <summary>
/// The emulator's stand-in for the Job controller and a kubelet. It follows the store's changes: a new Job gets a
/// pod (<see cref="JobController"/>); a new pod whose (first) container image is mapped by
/// <c>--image-command IMAGE=PROGRAM</c> runs PROGRAM locally with the container's command and args as arguments,
/// volumes mapped to folders (<see cref="PodVolumes"/>), output captured as the pod's log, and the pod's and Job's
/// status following the process. An unmapped image leaves the pod Pending (ErrImagePull) with a Warning event
/// saying why. A deleted pod's process is killed.
/// </summary>
internal sealed class Kubelet : IDisposable
{
    private const string Manager = "kubelet";
    private readonly KubeStore _store;
    private readonly ObjectWriter _writer;
    private readonly JobController _jobs;
    private readonly IReadOnlyDictionary<string, string> _images;
    private readonly string _root;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, Process> _running = new(StringComparer.Ordinal);

    public Kubelet(KubeStore store, ObjectWriter writer, JobController jobs, IReadOnlyDictionary<string, string> images, string root)
    {
        _store = store;
        _writer = writer;
        _jobs = jobs;
        _images = images;
        _root = root;
    }

    public PodLogs Logs { get; } = new();

    public void Start()
    {
        System.Threading.Channels.Channel<Watch.WatchEvent> changes;
        lock (_store.Gate)
        {
            changes = _store.Watches.Subscribe(_store.Revision);
        }
        _ = Task.Run(async () =>
        {
            try
            {
                await foreach (var change in changes.Reader.ReadAllAsync(_stop.Token))
                {
                    Handle(change);
                }
            }
            catch (OperationCanceledException)
            {
                // Stopping.
            }
            finally
            {
                _store.Watches.Unsubscribe(changes);
            }
        });
    }

    public void Dispose()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }
        _stop.Cancel();
        foreach (var process in _running.Values)
        {
            Kill(process);
        }
        try
        {
            if (Directory.Exists(_root))
            {
                Directory.Delete(_root, recursive: true);
            }
        }
        catch (IOException)
        {
            // A pod folder left behind (a process still closing) is harmless.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }

    private void Handle(Watch.WatchEvent change)
    {
        if (change.Type == "ADDED" && change.Resource == ResourceType.Jobs)
        {
            lock (_store.Gate)
            {
                _jobs.OnJobAdded(change.Object);
            }
        }
        else if (change.Type == "ADDED" && change.Resource == ResourceType.Pods)
        {
            StartPod(change.Object);
        }
        else if (change.Type == "DELETED" && change.Resource == ResourceType.Pods)
        {
            var key = Key(change.Object);
            if (_running.TryRemove(key, out var process))
            {
                Kill(process);
            }
        }
    }

    private void StartPod(JsonObject pod)
    {
        var meta = KubeJson.Metadata(pod);
        var ns = KubeJson.String(meta, "namespace")!;
        var name = KubeJson.Name(pod);
        var spec = pod["spec"] as JsonObject ?? [];
        var container = (spec["containers"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault();
        if (container is null)
        {
            return;
        }
        var image = KubeJson.String(container, "image") ?? "";
        if (!_images.TryGetValue(image, out var program))
        {
            Waiting(pod, container, "ErrImagePull",
                $"Failed to pull image \"{image}\": the emulator runs no images; start it with --image-command {image}=PROGRAM to run PROGRAM for this image");
            return;
        }
        var podDir = Path.Combine(_root, ns, name);
        List<(string MountPath, string Local)> mounts;
        try
        {
            lock (_store.Gate)
            {
                mounts = PodVolumes.Prepare(_store, ns, spec, container, podDir);
            }
        }
        catch (InvalidOperationException e)
        {
            Waiting(pod, container, "ContainerCreating", e.Message, eventReason: "FailedMount");
            return;
        }
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = KubeJson.String(container, "workingDir") is { Length: > 0 } wd ? PodVolumes.Rewrite(wd, mounts) : podDir,
        };
        foreach (var arg in (container["command"] as JsonArray ?? []).Concat(container["args"] as JsonArray ?? []))
        {
            start.ArgumentList.Add(PodVolumes.Rewrite(arg?.GetValue<string>() ?? "", mounts));
        }
        foreach (var env in (container["env"] as JsonArray ?? []).OfType<JsonObject>())
        {
            start.Environment[KubeJson.String(env, "name") ?? ""] = PodVolumes.Rewrite(KubeJson.String(env, "value") ?? "", mounts);
        }
        start.Environment["KFP_EMULATOR_POD_DIR"] = podDir;
        Directory.CreateDirectory(start.WorkingDirectory);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Log(ns, name, e.Data);
        process.ErrorDataReceived += (_, e) => Log(ns, name, e.Data);
        var startedAt = _writer.Now();
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            process.Dispose();
            Finish(pod, container, 128, "StartError", $"failed to start {program} for image {image}: {e.Message}", startedAt);
            return;
        }
        process.StandardInput.Close();
        _running[Key(pod)] = process;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        UpdatePod(pod, status =>
        {
            status["phase"] = "Running";
            status["startTime"] = startedAt;
            status["containerStatuses"] = new JsonArray(ContainerStatus(container, new JsonObject { ["running"] = new JsonObject { ["startedAt"] = startedAt } }, started: true));
        });
        _ = Task.Run(async () =>
        {
            await process.WaitForExitAsync(CancellationToken.None);
            var killed = !_running.TryRemove(Key(pod), out _);
            var code = process.ExitCode;
            process.Dispose();
            if (!killed)
            {
                Finish(pod, container, code, code == 0 ? "Completed" : "Error", null, startedAt);
            }
        });
    }

    private void Log(string ns, string pod, string? line)
    {
        if (line is not null)
        {
            Logs.Append(ns, pod, line);
        }
    }

    private void Finish(JsonObject pod, JsonObject container, int exitCode, string reason, string? message, string startedAt)
    {
        var finishedAt = _writer.Now();
        var terminated = new JsonObject { ["exitCode"] = exitCode, ["reason"] = reason, ["startedAt"] = startedAt, ["finishedAt"] = finishedAt };
        if (message is not null)
        {
            terminated["message"] = message;
        }
        var succeeded = exitCode == 0;
        var current = UpdatePod(pod, status =>
        {
            status["phase"] = succeeded ? "Succeeded" : "Failed";
            status["startTime"] ??= startedAt;
            status["containerStatuses"] = new JsonArray(ContainerStatus(container, new JsonObject { ["terminated"] = terminated }, started: false));
        });
        if (current is not null)
        {
            lock (_store.Gate)
            {
                _jobs.OnPodFinished(current, succeeded);
            }
        }
    }

    private void Waiting(JsonObject pod, JsonObject container, string reason, string message, string eventReason = "Failed")
    {
        UpdatePod(pod, status =>
        {
            status["phase"] = "Pending";
            status["containerStatuses"] = new JsonArray(ContainerStatus(container, new JsonObject
            {
                ["waiting"] = new JsonObject { ["reason"] = reason, ["message"] = message },
            }, started: false));
        });
        Event(pod, eventReason, message);
    }

    private static JsonObject ContainerStatus(JsonObject container, JsonObject state, bool started) => new()
    {
        ["name"] = KubeJson.String(container, "name"),
        ["image"] = KubeJson.String(container, "image"),
        ["imageID"] = "",
        ["ready"] = started,
        ["started"] = started,
        ["restartCount"] = 0,
        ["state"] = state,
    };

    private JsonObject? UpdatePod(JsonObject pod, Action<JsonObject> edit)
    {
        var meta = KubeJson.Metadata(pod);
        lock (_store.Gate)
        {
            if (_store.Get(ResourceType.Pods, KubeJson.String(meta, "namespace"), KubeJson.Name(pod)) is not { } old
                || KubeJson.String(KubeJson.Metadata(old), "uid") != KubeJson.String(meta, "uid"))
            {
                return null;
            }
            var updated = KubeJson.Clone(old);
            var status = updated["status"] as JsonObject ?? [];
            updated["status"] = status;
            edit(status);
            return _writer.Write(ResourceType.Pods, old, updated, Manager, dryRun: false);
        }
    }

    private void Event(JsonObject pod, string reason, string message)
    {
        var meta = KubeJson.Metadata(pod);
        var ns = KubeJson.String(meta, "namespace")!;
        var now = _writer.Now();
        var ev = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Event",
            ["metadata"] = new JsonObject { ["name"] = $"{KubeJson.Name(pod)}.{Guid.NewGuid().ToString("N")[..16]}", ["namespace"] = ns },
            ["involvedObject"] = new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "Pod",
                ["name"] = KubeJson.Name(pod),
                ["namespace"] = ns,
                ["uid"] = KubeJson.String(meta, "uid"),
            },
            ["reason"] = reason,
            ["message"] = message,
            ["type"] = "Warning",
            ["source"] = new JsonObject { ["component"] = "kubelet" },
            ["firstTimestamp"] = now,
            ["lastTimestamp"] = now,
            ["count"] = 1,
        };
        lock (_store.Gate)
        {
            _writer.Write(ResourceType.Events, null, ev, Manager, dryRun: false);
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    private static string Key(JsonObject pod) => $"{KubeJson.String(KubeJson.Metadata(pod), "namespace")}/{KubeJson.Name(pod)}/{KubeJson.String(KubeJson.Metadata(pod), "uid")}";
}
