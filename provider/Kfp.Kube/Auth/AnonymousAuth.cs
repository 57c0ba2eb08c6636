namespace Kfp.Kube.Auth;

/// <summary>No credentials (a kubeconfig context without a user, or a local emulator).</summary>
public sealed class AnonymousAuth : KubeAuth
{
    public override string Description => "anonymous";

    internal override ValueTask<string?> BearerTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult<string?>(null);
}
