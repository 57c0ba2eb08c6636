using k8s;
using k8s.Models;
using Kfp.Kube.Auth;
using Kfp.Kube.Config;
using Kfp.Kube.Http;
using Kfp.Kube.Json;

namespace Kfp.Kube.Client;

/// <summary>
/// The Kubernetes client over one <see cref="KubeClientConfig"/>, built on KubernetesClient: the library builds the
/// requests, (de)serialises its models and sends our credentials; the project adds what it lacks (token files, exec
/// plugins run with an argv list, proxy-url, re-authentication after a 401, retries of 503/429 on the injected clock)
/// and turns its errors into typed ones (<see cref="KubeErrors"/>).
/// </summary>
public sealed class KubeClient : IKubeClient, IDisposable
{
    public const string UserAgent = "pulumi-kfp/0.1";
    private readonly Kubernetes _kubernetes;
    private readonly KubeErrors _errors;

    public KubeClient(KubeClientConfig config, TimeProvider? time = null)
    {
        Config = config;
        var library = new KubernetesClientConfiguration
        {
            Host = config.Server.ToString().TrimEnd('/') + "/",
            Namespace = config.Namespace,
            UserAgent = UserAgent,
            TokenProvider = config.Auth is AnonymousAuth or ClientCertificateAuth ? null : new KubeTokenProvider(config.Auth),
            FirstMessageHandlerSetup = handler => KubeSocketsSetup.Configure(handler, config),
        };
        library.AddJsonOptions(KubeJson.Extend);
        _kubernetes = new Kubernetes(library, new RetryHandler(time ?? TimeProvider.System), new ReauthenticateHandler(config.Auth));
        _errors = new KubeErrors(config);
        DefaultNamespace = config.Namespace;
        Secrets = Client(ResourceKinds.Secrets);
        ConfigMaps = Client(ResourceKinds.ConfigMaps);
        ServiceAccounts = Client(ResourceKinds.ServiceAccounts);
        Namespaces = new ClusterResourceClient<V1Namespace>(Client(ResourceKinds.Namespaces));
        Jobs = Client(ResourceKinds.Jobs);
        Pods = Client(ResourceKinds.Pods);
    }

    public KubeClientConfig Config { get; }

    public string DefaultNamespace { get; }

    public INamespacedResourceClient<V1Secret> Secrets { get; }

    public INamespacedResourceClient<V1ConfigMap> ConfigMaps { get; }

    public INamespacedResourceClient<V1ServiceAccount> ServiceAccounts { get; }

    public IClusterResourceClient<V1Namespace> Namespaces { get; }

    public INamespacedResourceClient<V1Job> Jobs { get; }

    public INamespacedResourceClient<V1Pod> Pods { get; }

    public Task<string> ReadPodLogAsync(string ns, string pod, string? container = null, int? tailLines = null, CancellationToken cancellationToken = default) =>
        _errors.RunAsync(async () =>
        {
            using var stream = await _kubernetes.CoreV1.ReadNamespacedPodLogAsync(pod, ns, container: container, tailLines: tailLines, cancellationToken: cancellationToken);
            using var reader = new StreamReader(stream);
            return await reader.ReadToEndAsync(cancellationToken);
        });

    public void Dispose() => _kubernetes.Dispose();

    private ResourceClient<T> Client<T>(ResourceKind<T> kind)
        where T : class, IKubernetesObject<V1ObjectMeta> => new(_kubernetes, _errors, kind, DefaultNamespace);
}
