using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Kfp.Kube.Auth;
using Kfp.Kube.Config.Model;

namespace Kfp.Kube.Config;

/// <summary>Picks the authentication method of a kubeconfig user and checks its fields.</summary>
internal sealed class AuthFactory(IKubeEnvironment environment, TimeProvider time, string source)
{
    public KubeAuth Create(string name, UserEntry? user, string dir, ExecClusterInfo cluster)
    {
        if (user is null)
        {
            return new AnonymousAuth();
        }
        var field = $"users[name={name}].user";
        if (user.AuthProvider is not null)
        {
            throw new KubeConfigException($"{field}.auth-provider in kubeconfig {source} uses a legacy auth provider, which is not supported. Switch to an exec credential plugin (e.g. gke-gcloud-auth-plugin, kubelogin).");
        }
        if (!string.IsNullOrEmpty(user.Username) || !string.IsNullOrEmpty(user.Password))
        {
            throw new KubeConfigException($"{field}.username/password (basic auth) in kubeconfig {source} is not supported: Kubernetes removed basic authentication in 1.19. Use a token, tokenFile, client certificate or exec plugin.");
        }
        if (user.Exec is { } exec)
        {
            return new ExecAuth(ExecSpec(exec, $"{field}.exec", dir), cluster, environment, time);
        }
        if (!string.IsNullOrEmpty(user.Token))
        {
            return new TokenAuth(user.Token.Trim());
        }
        if (!string.IsNullOrEmpty(user.TokenFile))
        {
            var path = KubeconfigSet.Resolve(user.TokenFile, dir, environment.HomeDirectory);
            if (!environment.FileExists(path))
            {
                throw new KubeConfigException($"{field}.tokenFile {path} does not exist (kubeconfig {source}). Fix the path (relative paths resolve against the kubeconfig's folder).");
            }
            return new TokenFileAuth(path, environment);
        }
        var cert = Pem(user.ClientCertificateData, user.ClientCertificate, dir, $"{field}.client-certificate");
        var key = Pem(user.ClientKeyData, user.ClientKey, dir, $"{field}.client-key");
        if (cert is null && key is null)
        {
            return new AnonymousAuth();
        }
        if (cert is null || key is null)
        {
            var missing = cert is null ? "client-certificate or client-certificate-data" : "client-key or client-key-data";
            throw new KubeConfigException($"{field} in kubeconfig {source} has only half of a client certificate: add {missing}.");
        }
        try
        {
            return new ClientCertificateAuth(X509Certificate2.CreateFromPem(cert, key));
        }
        catch (CryptographicException e)
        {
            throw new KubeConfigException($"{field}.client-certificate and client-key in kubeconfig {source} do not form a usable PEM certificate and private key: {e.Message}", e);
        }
    }

    private string? Pem(string? data, string? path, string dir, string field)
    {
        if (!string.IsNullOrWhiteSpace(data))
        {
            try
            {
                return System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(data.Trim()));
            }
            catch (FormatException)
            {
                throw new KubeConfigException($"{field}-data in kubeconfig {source} is not valid base64. It must hold the base64 of a PEM file (base64 -w0 < file.pem).");
            }
        }
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }
        var resolved = KubeconfigSet.Resolve(path, dir, environment.HomeDirectory);
        if (!environment.FileExists(resolved))
        {
            throw new KubeConfigException($"{field} file {resolved} does not exist (kubeconfig {source}). Fix the path (relative paths resolve against the kubeconfig's folder) or use {field.Split('.')[^1]}-data.");
        }
        return environment.ReadAllText(resolved);
    }

    private ExecPluginSpec ExecSpec(ExecEntry exec, string field, string dir)
    {
        if (string.IsNullOrWhiteSpace(exec.Command))
        {
            throw new KubeConfigException($"{field}.command is empty in kubeconfig {source}: set the credential plugin to run.");
        }
        var apiVersion = exec.ApiVersion ?? "";
        if (apiVersion is not (ExecPluginSpec.V1 or ExecPluginSpec.V1Beta1))
        {
            throw new KubeConfigException($"{field}.apiVersion \"{apiVersion}\" in kubeconfig {source} is not supported: use {ExecPluginSpec.V1} (or {ExecPluginSpec.V1Beta1}).");
        }
        if (apiVersion == ExecPluginSpec.V1 && string.IsNullOrEmpty(exec.InteractiveMode))
        {
            throw new KubeConfigException($"{field}.interactiveMode is required for {ExecPluginSpec.V1} in kubeconfig {source}: set it to Never (the provider cannot prompt) or IfAvailable.");
        }
        if (exec.InteractiveMode is { Length: > 0 } mode && mode is not ("Never" or "IfAvailable" or "Always"))
        {
            throw new KubeConfigException($"{field}.interactiveMode \"{mode}\" in kubeconfig {source} is not one of Never, IfAvailable, Always.");
        }
        if (exec.InteractiveMode == "Always")
        {
            throw new KubeConfigException($"{field}.interactiveMode is Always in kubeconfig {source}, but the provider runs without a terminal. Use Never or IfAvailable.");
        }
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (entry, i) in (exec.Env ?? []).Select((e, i) => (e, i)))
        {
            if (string.IsNullOrEmpty(entry.Name))
            {
                throw new KubeConfigException($"{field}.env[{i}].name is empty in kubeconfig {source}: every variable needs a name.");
            }
            env[entry.Name] = entry.Value ?? "";
        }
        var command = exec.Command.Contains('/', StringComparison.Ordinal) || exec.Command.Contains('\\', StringComparison.Ordinal)
            ? KubeconfigSet.Resolve(exec.Command, dir, environment.HomeDirectory)
            : exec.Command;
        return new ExecPluginSpec
        {
            Command = command,
            Arguments = exec.Args ?? [],
            Environment = env,
            ApiVersion = apiVersion,
            ProvideClusterInfo = exec.ProvideClusterInfo,
            InstallHint = exec.InstallHint,
            Field = field,
        };
    }
}
