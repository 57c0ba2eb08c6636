using Kfp.Kube.Config.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Kfp.Kube.Config;

/// <summary>
/// Reads a kubeconfig (YAML or JSON) into the model by walking YamlDotNet's node tree: no reflection, so it is
/// trimming- and NativeAOT-safe. Unknown keys are ignored like client-go does; a wrong shape (a list where a
/// string belongs, a bool that is not true/false) is a <see cref="YamlException"/> with its position.
/// </summary>
internal static class KubeconfigYaml
{
    public static KubeconfigDocument? Parse(string content)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(content));
        if (stream.Documents.Count == 0 || IsNull(stream.Documents[0].RootNode))
        {
            return null;
        }
        var root = Map(stream.Documents[0].RootNode, "the kubeconfig")!;
        return new KubeconfigDocument
        {
            Clusters = List(root, "clusters", n => new NamedCluster { Name = Text(n, "name"), Cluster = Object(n, "cluster", Cluster) }),
            Users = List(root, "users", n => new NamedUser { Name = Text(n, "name"), User = Object(n, "user", User) }),
            Contexts = List(root, "contexts", n => new NamedContext { Name = Text(n, "name"), Context = Object(n, "context", Context) }),
            CurrentContext = Text(root, "current-context"),
        };
    }

    private static ClusterEntry Cluster(YamlMappingNode n) => new()
    {
        Server = Text(n, "server"),
        CertificateAuthority = Text(n, "certificate-authority"),
        CertificateAuthorityData = Text(n, "certificate-authority-data"),
        InsecureSkipTlsVerify = Flag(n, "insecure-skip-tls-verify"),
        TlsServerName = Text(n, "tls-server-name"),
        ProxyUrl = Text(n, "proxy-url"),
    };

    private static UserEntry User(YamlMappingNode n) => new()
    {
        ClientCertificate = Text(n, "client-certificate"),
        ClientCertificateData = Text(n, "client-certificate-data"),
        ClientKey = Text(n, "client-key"),
        ClientKeyData = Text(n, "client-key-data"),
        Token = Text(n, "token"),
        TokenFile = Text(n, "tokenFile"),
        Username = Text(n, "username"),
        Password = Text(n, "password"),
        AuthProvider = Child(n, "auth-provider") is { } provider && !IsNull(provider) ? new Dictionary<string, object>(StringComparer.Ordinal) : null,
        Exec = Object(n, "exec", Exec),
    };

    private static ExecEntry Exec(YamlMappingNode n) => new()
    {
        Command = Text(n, "command"),
        Args = Child(n, "args") is { } args && !IsNull(args) ? [.. Sequence(args, "args").Select(a => Scalar(a, "args[]") ?? "")] : null,
        Env = List(n, "env", e => new ExecEnvEntry { Name = Text(e, "name"), Value = Text(e, "value") }),
        ApiVersion = Text(n, "apiVersion"),
        InteractiveMode = Text(n, "interactiveMode"),
        ProvideClusterInfo = Flag(n, "provideClusterInfo"),
        InstallHint = Text(n, "installHint"),
    };

    private static ContextEntry Context(YamlMappingNode n) => new()
    {
        Cluster = Text(n, "cluster"),
        User = Text(n, "user"),
        Namespace = Text(n, "namespace"),
    };

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string? Text(YamlMappingNode node, string key) => Child(node, key) is { } value ? Scalar(value, key) : null;

    private static bool Flag(YamlMappingNode node, string key) => Text(node, key) switch
    {
        null => false,
        "true" or "True" or "TRUE" => true,
        "false" or "False" or "FALSE" => false,
        var other => throw new YamlException(Child(node, key)!.Start, Child(node, key)!.End, $"{key} must be true or false, not \"{other}\""),
    };

    private static T? Object<T>(YamlMappingNode node, string key, Func<YamlMappingNode, T> read)
        where T : class => Child(node, key) is { } value && Map(value, key) is { } map ? read(map) : null;

    private static List<T>? List<T>(YamlMappingNode node, string key, Func<YamlMappingNode, T> read) =>
        Child(node, key) is { } value && !IsNull(value) ? [.. Sequence(value, key).Select(item => Map(item, key + "[]") is { } map ? read(map) : default!).Where(x => x is not null)] : null;

    private static YamlMappingNode? Map(YamlNode node, string what) => node switch
    {
        YamlMappingNode map => map,
        _ when IsNull(node) => null,
        _ => throw new YamlException(node.Start, node.End, $"{what} must be a mapping"),
    };

    private static IEnumerable<YamlNode> Sequence(YamlNode node, string what) =>
        node as YamlSequenceNode ?? throw new YamlException(node.Start, node.End, $"{what} must be a list");

    private static string? Scalar(YamlNode node, string what) => node switch
    {
        _ when IsNull(node) => null,
        YamlScalarNode scalar => scalar.Value,
        _ => throw new YamlException(node.Start, node.End, $"{what} must be a single value"),
    };

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };
}
