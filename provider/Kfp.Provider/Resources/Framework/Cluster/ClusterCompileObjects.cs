using System.Globalization;
using Kfp.Compiler;
using k8s.Models;

namespace Kfp.Provider.Resources;

/// <summary>
/// The Kubernetes objects of one <c>cluster</c> compile, as values: a ConfigMap holding the source files and a Job that
/// mounts it read-only, runs the framework's argv in its image and prints the IR between two markers that carry a
/// random nonce (so nothing the compiler prints can forge them). The argv is passed to <c>sh</c> as positional
/// arguments (<c>"$@"</c>), never parsed by it.
/// </summary>
internal sealed record ClusterCompileObjects(string Namespace, string Name, string Nonce)
{
    /// <summary>The source travels in a ConfigMap, whose data is bounded by the API server at 1 MiB.</summary>
    public const long MaxSourceBytes = 900 * 1024;

    /// <summary>A failed Job is kept this long (<c>ttlSecondsAfterFinished</c>) for <c>kubectl logs job/NAME</c>.</summary>
    public const int KeepFailedSeconds = 3600;

    public const string ContainerName = "compile";
    public const string CompileLabel = "kfp.pulumi.com/compile";

    public string BeginMarker => $"--- kfp-ir-begin {Nonce} ---";

    public string EndMarker => $"--- kfp-ir-end {Nonce} ---";

    public static ClusterCompileObjects For(string ns, string framework)
    {
        var nonce = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(6));
        var stem = framework.Length > 30 ? framework[..30].TrimEnd('-') : framework;
        return new ClusterCompileObjects(ns, $"kfp-compile-{stem}-{nonce}", nonce);
    }

    public V1ConfigMap SourceConfigMap(ClusterCompileJob job, Func<string, byte[]> read) => new()
    {
        Metadata = Metadata(job),
        BinaryData = job.Files.Select((f, i) => (Key: Key(i), f)).ToDictionary(p => p.Key, p => read(p.f.FullPath)),
    };

    public V1Job Job(ClusterCompileJob job)
    {
        var script = $"set -e; \"$@\"; echo '{BeginMarker}'; cat {job.OutputPath}; echo; echo '{EndMarker}'";
        var outputDirectory = job.OutputPath[..job.OutputPath.LastIndexOf('/')];
        var container = new V1Container
        {
            Name = ContainerName,
            Image = job.Framework.Image,
            Command = ["sh", "-c", script, "sh", .. job.Argv],
            Env = [.. job.Env.Select(p => new V1EnvVar { Name = p.Key, Value = p.Value })],
            WorkingDir = job.SourceMount,
            VolumeMounts =
            [
                new V1VolumeMount { Name = "source", MountPath = job.SourceMount, ReadOnlyProperty = true },
                new V1VolumeMount { Name = "output", MountPath = outputDirectory },
            ],
        };
        return new V1Job
        {
            Metadata = Metadata(job),
            Spec = new V1JobSpec
            {
                BackoffLimit = 0,
                ActiveDeadlineSeconds = (long)Math.Ceiling(job.Timeout.TotalSeconds),
                TtlSecondsAfterFinished = KeepFailedSeconds,
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = Labels(job) },
                    Spec = new V1PodSpec
                    {
                        RestartPolicy = "Never",
                        Containers = [container],
                        Volumes =
                        [
                            new V1Volume
                            {
                                Name = "source",
                                ConfigMap = new V1ConfigMapVolumeSource
                                {
                                    Name = Name,
                                    Items = [.. job.Files.Select((f, i) => new V1KeyToPath { Key = Key(i), Path = f.RelativePath })],
                                },
                            },
                            new V1Volume { Name = "output", EmptyDir = new V1EmptyDirVolumeSource() },
                        ],
                    },
                },
            },
        };
    }

    /// <summary>The IR between the markers of the log, or null when the compile did not print it.</summary>
    public string? ReadIr(string log)
    {
        var lines = log.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var begin = Array.IndexOf(lines, BeginMarker);
        var end = Array.LastIndexOf(lines, EndMarker);
        return begin >= 0 && end > begin ? string.Join('\n', lines[(begin + 1)..end]) : null;
    }

    /// <summary>The last lines of a log, for errors; the IR and markers are left out.</summary>
    public static string Tail(string log, int lines = 30)
    {
        var all = log.TrimEnd().Split('\n');
        var tail = string.Join('\n', all.Skip(Math.Max(0, all.Length - lines)));
        return tail.Length > 4000 ? "…" + tail[^4000..] : tail;
    }

    private V1ObjectMeta Metadata(ClusterCompileJob job) => new() { Name = Name, NamespaceProperty = Namespace, Labels = Labels(job) };

    private static Dictionary<string, string> Labels(ClusterCompileJob job) => new(StringComparer.Ordinal)
    {
        [FrameworkConfigMap.ManagedByLabel] = FrameworkConfigMap.ManagedBy,
        [FrameworkConfigMap.FrameworkLabel] = job.Framework.Name.Split('/')[^1],
        [CompileLabel] = "true",
    };

    private static string Key(int index) => "f" + index.ToString(CultureInfo.InvariantCulture);
}
