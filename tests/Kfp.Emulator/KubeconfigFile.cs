namespace Kfp.Emulator;

/// <summary>The kubeconfig that points kubectl and the provider at the emulated Kubernetes API.</summary>
internal static class KubeconfigFile
{
    public const string Token = "kfp-emulator-token";

    public static string For(string server, string token = Token, string? authorityData = null) => $"""
        apiVersion: v1
        kind: Config
        clusters:
        - name: kfp-emulator
          cluster:
            server: {server}{(authorityData is null ? "" : "\n    certificate-authority-data: " + authorityData)}
        users:
        - name: kfp-emulator
          user:
            token: {token}
        contexts:
        - name: kfp-emulator
          context:
            cluster: kfp-emulator
            user: kfp-emulator
            namespace: kubeflow
        current-context: kfp-emulator

        """;
}
