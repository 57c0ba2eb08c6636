using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Kfp.Api;
using Kfp.Kube.Config;
using Kfp.Provider.Engine;

namespace Kfp.Provider.Configuration;

/// <summary>
/// What CheckConfig refuses beyond types: headers that would add or drop a header on the wire, a CA certificate that
/// is not PEM, and explicit files and contexts that do not exist. Each failure names the key and says what to do;
/// no message quotes a secret value. Only explicit settings are checked, so a stack without KFP or Kubernetes
/// resources configures offline.
/// </summary>
internal static class ConfigChecks
{
    public static IEnumerable<CheckFailure> Problems(ProviderConfig config, IEnvironment env)
    {
        var fromEnv = env.Get(ConfigKeys.TokenFileEnv);
        foreach (var problem in KfpClientOptions.HeaderProblems(config.Headers))
        {
            yield return new CheckFailure(ConfigKeys.Headers, problem);
        }
        if (config.CaCertificate is { } pem && CertificateProblem(pem) is { } ca)
        {
            yield return new CheckFailure(ConfigKeys.CaCertificate, ca);
        }
        if (config.TokenFile is { Length: > 0 } tokenFile && tokenFile != fromEnv && !File.Exists(tokenFile))
        {
            yield return new CheckFailure(ConfigKeys.TokenFile,
                $"the token file '{tokenFile}' does not exist; set kfp:tokenFile to the path of a file holding the KFP bearer token, or unset it");
        }
        if (KubeconfigProblem(config) is { } kube)
        {
            yield return kube;
        }
        foreach (var problem in ConfigValueChecks.Problems(config))
        {
            yield return problem;
        }
    }

    private static string? CertificateProblem(string pem)
    {
        if (!pem.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal))
        {
            return "is not a PEM certificate (expected a block starting with -----BEGIN CERTIFICATE-----); " +
                "set kfp:caCertificate to the PEM text of the CA that signed the KFP API's certificate, e.g. `pulumi config set kfp:caCertificate -- \"$(cat ca.crt)\"`";
        }
        try
        {
            var roots = new X509Certificate2Collection();
            roots.ImportFromPem(pem);
            return roots.Count == 0 ? "holds no readable PEM certificate; paste the CA certificate's PEM text" : null;
        }
        catch (CryptographicException e)
        {
            return $"is not a valid PEM certificate ({e.Message}); paste the CA certificate's PEM text";
        }
    }

    /// <summary>An explicit kubeconfig path that does not exist, or an explicit context the kubeconfig lacks.</summary>
    private static CheckFailure? KubeconfigProblem(ProviderConfig config)
    {
        if (config.Kubeconfig is null && config.Context is null)
        {
            return null;
        }
        var options = KubeConfigOptions.FromPathOrContent(config.Kubeconfig, config.Context);
        if (options.Path is { } path && !File.Exists(path))
        {
            return new CheckFailure(ConfigKeys.Kubeconfig,
                $"the kubeconfig file '{path}' does not exist; set kfp:kubeconfig to an existing kubeconfig file or its content, or unset it to use KUBECONFIG or ~/.kube/config");
        }
        if (config.Context is null || (options.Path is null && options.Content is null))
        {
            return null;
        }
        try
        {
            new KubeConfigLoader().Load(options);
            return null;
        }
        catch (KubeConfigException e) when (e.Message.Contains("is not defined in contexts[]", StringComparison.Ordinal))
        {
            return new CheckFailure(ConfigKeys.Context, $"{e.Message} Unset kfp:context to use the kubeconfig's current-context.");
        }
        catch (KubeConfigException)
        {
            return null;
        }
    }
}
